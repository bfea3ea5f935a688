package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LogRedactionTest {

    @Test
    void phoneNumbersEmailAddressesAndLongDigitRunsAreMaskedAndOrdinaryLogLinesAreNot() {
        Map<String, String> masked = new LinkedHashMap<>();
        masked.put("gọi 0909123456 nhé", "gọi [phone] nhé");
        masked.put("số 0909 123 456", "số [phone]");
        masked.put("số 090.912.3456", "số [phone]");
        masked.put("số +84 909 123 456", "số [phone]");
        masked.put("số 84909123456", "số [phone]");
        masked.put("(028) 3829 1234", "([phone]");
        masked.put("mail hoa.nguyen+1@example.com.vn ok", "mail [email] ok");
        masked.put("psid 7012345678901234 failed", "psid [digits] failed");
        masked.put("cccd 079 123 456 789", "cccd [phone]");
        masked.put("cccd 79123456789", "cccd [digits]");
        masked.put("user 1234567890123456789: error", "user [digits]: error");

        List<String> kept = List.of(
                "2026-12-02T10:05:20.123+07:00  INFO 4242 --- [motcua-chat] [main] v.m.bot.TurnHandler : Turn in "
                        + "conversation 3fa85f64: intent=emergency confidence=0.93 actions=[Reply, Escalate]",
                "Netty started on port 8080 (http), management on 127.0.0.1:8081",
                "Send failed on messenger for conversation 3fa85f64: PERMANENT code 551 subcode 1545041 (person "
                        + "unavailable) after 1 attempt(s)",
                "opennlp-tools 2.5.6, Graph API v25.0, 113 / 115 / 111, took 1234 ms, 20000 connections");

        List<String> wrong = new ArrayList<>();
        masked.forEach((in, out) -> {
            if (!LogRedaction.redact(in).equals(out)) {
                wrong.add(in + " → " + LogRedaction.redact(in) + " (expected " + out + ")");
            }
        });
        kept.forEach(line -> {
            if (!LogRedaction.redact(line).equals(line)) {
                wrong.add("changed: " + LogRedaction.redact(line));
            }
        });
        assertThat(wrong).isEmpty();
    }
}
