package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.message.ReplyAddress;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendOutcome;
import vn.motcua.outbox.Sender;
import vn.motcua.outbox.Senders;
import vn.motcua.privacy.PseudonymousIds;

/** How an outbound message becomes Send API requests: its purpose, its urgency and its call buttons. */
class MessengerRenderingTest extends MessengerIntegrationTest {

    @Autowired
    Senders senders;

    @Autowired
    FailedSendLog failures;

    @Autowired
    PseudonymousIds ids;

    @Test
    void aReplyIsSentAsAResponseAfterATypingIndicator() {
        String psid = newPsid();

        assertThat(send(message(psid, Purpose.RESPONSE, false, List.of())).delivered()).isTrue();

        List<GraphApiStub.SendCall> calls = GRAPH.allTo(psid);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).body().path("sender_action").asString()).isEqualTo("typing_on");
        assertThat(calls.get(1).body().path("messaging_type").asString()).isEqualTo("RESPONSE");
        assertThat(calls.get(1).body().has("tag")).isFalse();
    }

    @Test
    void anUrgentReplyIsSentAtOnceWithoutATypingIndicator() {
        String psid = newPsid();

        assertThat(send(message(psid, Purpose.RESPONSE, true, List.of())).delivered()).isTrue();

        assertThat(GRAPH.allTo(psid)).singleElement()
                .satisfies(call -> assertThat(call.body().has("sender_action")).isFalse());
    }

    @Test
    void aCaseworkersReplyCarriesTheHumanAgentTag() {
        String psid = newPsid();

        assertThat(send(message(psid, Purpose.HUMAN_AGENT, false, List.of())).delivered()).isTrue();

        assertThat(GRAPH.allTo(psid)).singleElement().satisfies(call -> {
            assertThat(call.body().path("messaging_type").asString()).isEqualTo("MESSAGE_TAG");
            assertThat(call.body().path("tag").asString()).isEqualTo("HUMAN_AGENT");
            assertThat(call.text()).isEqualTo("Chị Lan, nhân viên tư vấn, đây.");
        });
    }

    @Test
    void aCampaignMessageIsRefusedAndRecordedWithoutAskingTheSendApi() {
        String psid = newPsid();
        OutboundMessage campaign = message(psid, Purpose.CAMPAIGN, false, List.of());

        SendOutcome outcome = send(campaign);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.kind()).contains(SendError.Kind.PERMANENT);
        assertThat(outcome.reason()).hasValueSatisfying(r -> assertThat(r).contains("campaign"));
        assertThat(GRAPH.allTo(psid)).isEmpty();
        assertThat(failures.forConversation(campaign.conversationId()).collectList().block())
                .singleElement().extracting(f -> f.messageId()).isEqualTo(campaign.messageId());
    }

    @Test
    void callButtonsAreLeftOutAndTheOtherChoicesKept() {
        String psid = newPsid();

        send(message(psid, Purpose.RESPONSE, true, List.of(new QuickReplyOption("Gọi 113", "tel:113"),
                new QuickReplyOption("Gặp nhân viên", "INTENT:human_agent"))));

        assertThat(GRAPH.messagesTo(psid)).singleElement()
                .satisfies(call -> assertThat(call.quickReplyPayloads()).containsExactly("INTENT:human_agent"));
    }

    private SendOutcome send(OutboundMessage message) {
        Sender messenger = senders.forChannel(Channel.MESSENGER).orElseThrow();
        return messenger.send(message).block(Duration.ofSeconds(10));
    }

    private OutboundMessage message(String psid, Purpose purpose, boolean urgent, List<QuickReplyOption> options) {
        return new OutboundMessage(UUID.randomUUID().toString(), ids.conversationId("messenger", psid),
                ReplyAddress.of(Channel.MESSENGER, psid), purpose, urgent, "Chị Lan, nhân viên tư vấn, đây.", options);
    }
}
