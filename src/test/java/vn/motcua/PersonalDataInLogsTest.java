package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import reactor.test.StepVerifier;

/**
 * Issue 13: a scripted conversation in the web chat (and one on Messenger, with a caseworker) in which the person
 * gives a full name, phone numbers and an address; the whole log it produced is scanned for them, for the session
 * and platform ids and for what was written: nothing is found. The redaction layer under the log is checked too.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTest extends PersonalDataScenario {

    @Test
    void theWholeLogOfConversationsFullOfPersonalDataHoldsNoneOfIt(CapturedOutput output) {
        String session = openWebChat();
        List<String> script = new ArrayList<>(PERSON_WRITES);
        script.add("email của tôi là hoa.nguyen@example.com, CCCD 079123456789");
        script.add("mình ở quận 1, tối nay ko có chỗ ngủ");
        StepVerifier.create(webChatStream(session).map(event -> event.path("text").asString()))
                .then(() -> {
                    script.forEach(text -> webChat(session, text));
                    webChatTap(session, "INTENT:human_agent", "Gặp nhân viên");
                })
                .thenConsumeWhile(text -> !text.contains("hàng chờ"))
                .expectNextMatches(text -> text.contains("hàng chờ"))
                .thenCancel()
                .verify(Duration.ofSeconds(20));
        String psid = newPsid();
        String conversation = messengerConversationWithACaseworker(psid);
        settled();

        Set<String> forbidden = new HashSet<>(NEVER_IN_CLEAR);
        forbidden.addAll(Set.of(session, psid, conversation, ids.conversationId("webchat", session),
                "hoa.nguyen@example.com", "079123456789", "chỗ ngủ", "mc1:"));
        String log = output.getAll();
        assertThat(log).as("the conversations were logged at all").contains("Turn in conversation");
        List<String> found = forbidden.stream().filter(log::contains).toList();
        assertThat(found).isEmpty();
    }

    @Test
    void aLogLineThatWouldCarryAPhoneNumberOrAnEmailAddressIsMaskedOnTheWayOut(CapturedOutput output) {
        LoggerFactory.getLogger(PersonalDataInLogsTest.class).warn("a careless line: {} / {} / psid {}", PHONE,
                "hoa.nguyen@example.com", "7012345678901234", new IllegalStateException("no user " + PHONE_DIGITS));

        String log = output.getAll();
        assertThat(log).contains("a careless line: [phone] / [email] / psid [digits]",
                "IllegalStateException: no user [phone]");
        assertThat(log).doesNotContain(PHONE, PHONE_DIGITS, "hoa.nguyen@example.com", "7012345678901234");
    }
}
