package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A signed delivery whose timestamp no clock can hold is refused (400) or acknowledged and ignored (200), never a 500
 * with a stack trace: 141 of 5,200 fuzzed Messenger bodies got a 500 before (issue 13).
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookTimestampTest extends HardenedWebhooksTest {

    /** Out of range as a number, as a string, or of the wrong type; "Infinity" and "NaN" are not even JSON. */
    static final List<String> OUT_OF_RANGE = List.of("1e400", "-1e400", "Infinity", "-Infinity", "NaN", "1e308",
            "-1e308", "1.7976931348623157e308", "9223372036854775807", "9223372036854775808", "18446744073709551616",
            "-9223372036854775808", "-9223372036854775809", "-100000000000000000", "-1", "1.5", "1e19",
            "\"1e308\"", "\"9223372036854775808\"", "\"-9223372036854775808\"", "\"-100000000000000000\"",
            "\"99999999999999999999\"", "true", "{}", "[]", "[1]", "{\"a\":1}", "\"\"", "\" \"");

    @Test
    void outOfRangeTimestampsAreRefusedOrIgnoredOnBothWebhooksNeverA500(CapturedOutput output) {
        int logStart = output.getAll().length();
        List<String> wrong = new ArrayList<>();
        for (String timestamp : OUT_OF_RANGE) {
            String psid = newPsid();
            double before = messengerAccepted();
            int status = messenger.post(messengerText(psid, newMid(), "xin chào", timestamp)).returnResult(String.class)
                    .getStatus().value();
            if (status != 200 && status != 400) {
                wrong.add("messenger " + timestamp + " -> " + status);
            } else if (status == 200 && messengerAccepted() != before && !timestamp.startsWith("\"")) {
                wrong.add("messenger " + timestamp + " -> accepted into the inbox");
            }
            // Zalo: the timestamp in the signed header, and in the body (which is what is signed without the header).
            String user = newUser();
            String json = ZaloEvents.text(user, newMsgId(), "xin chào").replaceFirst("\"timestamp\": \"[0-9]+\"",
                    "\"timestamp\": " + timestamp);
            byte[] body = utf8(json);
            String headerValue = timestamp.replace("\"", "");
            // A value that cannot even be a header (blank, braces) is only sent in the body.
            int viaHeader = !headerValue.matches("[-+.0-9a-zA-Z]+") ? 400
                    : webhook.postSigned(body, "mac=" + webhook.sign(body, headerValue), headerValue)
                            .returnResult(String.class).getStatus().value();
            String bodyValue = ZaloWebhookClient.timestampOfOrNull(json);
            int viaBody = webhook.postSigned(body, "mac=" + webhook.sign(body, bodyValue == null ? "" : bodyValue), null)
                    .returnResult(String.class).getStatus().value();
            for (int zalo : new int[] {viaHeader, viaBody}) {
                if (zalo != 400 && zalo != 401) {
                    wrong.add("zalo " + timestamp + " -> " + zalo);
                }
            }
        }
        String log = output.getAll().substring(logStart);
        System.out.println("FIGURE timestamps: " + OUT_OF_RANGE.size() + " values x 3 posts, refused wrongly: "
                + wrong.size() + " " + wrong);
        assertThat(wrong).as("deliveries answered other than 400 / acknowledged-and-ignored").isEmpty();
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
