package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;

class MessengerEventMapperTest {

    private final MessengerEventMapper mapper = new MessengerEventMapper(JsonMapper.builder().build());

    private List<InboundEvent> map(String json) {
        return mapper.map(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyEventOfEveryEntryIsMappedInOrderIncludingStandby() {
        List<InboundEvent> events = map("""
                {"object":"page","entry":[
                  {"id":"P","time":1,"messaging":[
                    {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1700000000000,"message":{"mid":"m1","text":"một"}},
                    {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1700000000001,"message":{"mid":"m2","text":"hai"}}]},
                  {"id":"P","time":1,"standby":[
                    {"sender":{"id":"B"},"recipient":{"id":"P"},"timestamp":1700000000002,"message":{"mid":"m3","text":"ba"}}]}]}
                """);
        assertThat(events).extracting(e -> ((InboundContent.Text) e.content()).text()).containsExactly("một", "hai", "ba");
        assertThat(events).extracting(InboundEvent::observed).containsExactly(false, false, true);
        assertThat(events.get(0).eventId()).isEqualTo("messenger:mid:m1");
    }

    @Test
    void echoesReadsDeliveriesAndUnknownEventsProduceNothing() {
        List<InboundEvent> events = map("""
                {"object":"page","entry":[{"id":"P","time":1,"messaging":[
                  {"sender":{"id":"P"},"recipient":{"id":"A"},"timestamp":1,"message":{"mid":"e","is_echo":true,"app_id":1,"text":"x"}},
                  {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1,"read":{"watermark":1}},
                  {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1,"delivery":{"mids":["m"],"watermark":1}},
                  {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1,"brand_new_event":{"x":1}}]}]}
                """);
        assertThat(events).isEmpty();
    }

    @Test
    void aReplyTypedInThePageInboxIsACaseworkersMessageToTheRecipient() {
        List<InboundEvent> events = map("""
                {"object":"page","entry":[{"id":"P","time":1,"messaging":[
                  {"sender":{"id":"P"},"recipient":{"id":"A"},"timestamp":1,"message":{"mid":"e1","is_echo":true,"app_id":263902037430900,"text":"Chị ở đây"}},
                  {"sender":{"id":"P"},"recipient":{"id":"B"},"timestamp":1,"message":{"mid":"e2","is_echo":true,"text":"không có app"}},
                  {"sender":{"id":"P"},"recipient":{"id":"C"},"timestamp":1,"message":{"mid":"e3","is_echo":true,"app_id":1517776481860111,"text":"của bot"}}]}]}
                """);
        assertThat(events).extracting(e -> e.from().userId()).containsExactly("A", "B");
        assertThat(events).extracting(e -> ((InboundContent.CaseworkerEcho) e.content()).text())
                .containsExactly("Chị ở đây", "không có app");
    }

    @Test
    void quickRepliesPostbacksAttachmentsReferralsAndOptInsAreKeptApart() {
        List<InboundEvent> events = map("""
                {"object":"page","entry":[{"id":"P","time":1,"messaging":[
                  {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1,"message":{"mid":"q","text":"Pháp lý","quick_reply":{"payload":"INTENT:legal_rights"}}},
                  {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1,"postback":{"mid":"p","title":"Bắt đầu","payload":"GET_STARTED"}},
                  {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1,"message":{"mid":"a","attachments":[{"type":"image","payload":{"url":"u"}}]}},
                  {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1,"referral":{"ref":"r","source":"SHORTLINK","type":"OPEN_THREAD"}},
                  {"sender":{"id":"A"},"recipient":{"id":"P"},"timestamp":1,"optin":{"type":"notification_messages","notification_messages_token":"T"}}]}]}
                """);
        assertThat(events).extracting(e -> e.content().getClass().getSimpleName())
                .containsExactly("QuickReply", "Postback", "Attachment", "Referral", "OptIn");
        assertThat(((InboundContent.QuickReply) events.get(0).content()).payload()).isEqualTo("INTENT:legal_rights");
        assertThat(events.get(1).eventId()).isEqualTo("messenger:mid:p");
        assertThat(((InboundContent.Attachment) events.get(2).content()).types()).containsExactly("image");
        assertThat(((InboundContent.OptIn) events.get(4).content()).token()).isEqualTo("T");
    }

    @Test
    void timestampsInSecondsMillisecondsOrPlaceholdersAreAllAccepted() {
        assertThat(MessengerEventMapper.timestamp(JsonMapper.builder().build().readTree("1527459824")))
                .isEqualTo(Instant.ofEpochSecond(1527459824));
        assertThat(MessengerEventMapper.timestamp(JsonMapper.builder().build().readTree("1458692752478")))
                .isEqualTo(Instant.ofEpochMilli(1458692752478L));
        assertThat(MessengerEventMapper.timestamp(JsonMapper.builder().build().readTree("\"TIMESTAMP\""))).isNotNull();
    }

    @Test
    void aBodyThatIsNotAWebhookDeliveryIsMalformed() {
        assertThatThrownBy(() -> map("[1,2]")).isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> map("{\"object\":\"page\",\"entry\":{}}")).isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> map("{\"object\":")).isInstanceOf(MalformedWebhookException.class);
    }
}
