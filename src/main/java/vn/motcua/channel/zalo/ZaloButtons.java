package vn.motcua.channel.zalo;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import vn.motcua.message.QuickReplyOption;
import vn.motcua.dialogue.Payloads;
import vn.motcua.knowledge.AnswerBook;

/**
 * What Messenger shows as quick replies becomes Zalo buttons, and a tap on one comes back as what it meant.
 *
 * <p>An {@code oa.query.show} button makes the person send its payload as an ordinary message that stays visible in
 * their chat (platforms.md §2.4). So the payload is the button's Vietnamese title, never an internal code such as
 * {@code INTENT:hotline}, and a message that is exactly one of our titles is read back as a tap on that button. The
 * titles come from the answers and topics staff wrote in {@code intents/}. A {@link QuickReplyOption#dials() call
 * button} becomes an {@code oa.open.phone} button, which opens the phone's dialer.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloButtons {

    /** Zalo's limits for a button (the docs' button table: title ≤ 100 characters). */
    static final int MAX_TITLE = 100;
    /** How many buttons one message carries: the most any answer has; Zalo's own maximum is not documented. */
    static final int MAX_BUTTONS = 5;

    private static final Logger log = LoggerFactory.getLogger(ZaloButtons.class);

    private final Map<String, String> payloadByTitle = new HashMap<>();

    ZaloButtons(AnswerBook answers) {
        answers.all().forEach((intent, variants) -> {
            variants.values().forEach(answer -> answer.quickReplies().forEach(o -> learn(o.title(), o.payload())));
            answers.topic(intent).ifPresent(topic -> learn(topic, Payloads.forIntent(intent)));
        });
    }

    /** The {@code buttons} array of a Zalo template for these options. */
    List<Map<String, Object>> render(List<QuickReplyOption> options) {
        return options.stream().limit(MAX_BUTTONS).map(ZaloButtons::button).toList();
    }

    /** The payload of our button whose title is exactly this message, if it is one. */
    Optional<String> payloadOfTap(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(payloadByTitle.get(normalized(text)));
    }

    private static Map<String, Object> button(QuickReplyOption option) {
        String title = option.title().length() <= MAX_TITLE ? option.title() : option.title().substring(0, MAX_TITLE);
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("title", title);
        if (option.dials()) {
            button.put("type", "oa.open.phone");
            button.put("payload", Map.of("phone_code", phoneCode(option.payload())));
        } else {
            button.put("type", "oa.query.show");
            button.put("payload", title);
        }
        return button;
    }

    /** The number of a {@code tel:} payload, without the separators people write in it. */
    private static String phoneCode(String payload) {
        return payload.substring(QuickReplyOption.CALL_PREFIX.length()).replaceAll("[ .-]", "");
    }

    private void learn(String title, String payload) {
        String previous = payloadByTitle.putIfAbsent(normalized(title), payload);
        if (previous != null && !previous.equals(payload)) {
            log.warn("Two buttons share the title '{}' with different payloads ({} and {}); a tap on Zalo means {}",
                    title, previous, payload, previous);
        }
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
