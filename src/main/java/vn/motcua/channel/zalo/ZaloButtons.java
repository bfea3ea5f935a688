package vn.motcua.channel.zalo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import vn.motcua.message.QuickReplyOption;

/**
 * Renders our choices as Zalo buttons, and only renders.
 *
 * <p>An {@code oa.query.show} button makes the person send its payload as an ordinary message that stays visible in
 * their chat (platforms.md §2.4). So the payload is the button's Vietnamese title, never an internal code such as
 * {@code INTENT:hotline}; the conversation remembers the choices it offered and reads that title back as the choice,
 * as it does for a title typed on any channel. A {@link QuickReplyOption#dials() call button} becomes an
 * {@code oa.open.phone} button, which opens the phone's dialer.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloButtons {

    /** Zalo cuts longer button titles; ours are short Vietnamese phrases. */
    static final int MAX_TITLE = 100;
    /** How many buttons one message carries: the most any answer has; Zalo's own maximum is not documented. */
    static final int MAX_BUTTONS = 5;

    /** The {@code buttons} array of a Zalo template for these options. */
    List<Map<String, Object>> render(List<QuickReplyOption> options) {
        return options.stream().limit(MAX_BUTTONS).map(ZaloButtons::button).toList();
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
}
