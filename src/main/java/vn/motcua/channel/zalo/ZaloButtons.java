package vn.motcua.channel.zalo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import vn.motcua.message.QuickReplyOption;

/**
 * What Messenger shows as quick replies becomes Zalo buttons.
 *
 * <p>An {@code oa.query.show} button makes the person send its payload as an ordinary message that stays visible in
 * their chat (platforms.md §2.4). So the payload is the button's Vietnamese title, never an internal code such as
 * {@code INTENT:hotline}; the conversation remembers the choices it offered and reads that title back as the choice,
 * as it does for a title typed on any channel. A payload that is a phone number becomes an {@code oa.open.phone}
 * button, which opens the phone's dialer.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloButtons {

    /** Zalo's limits for a button (the docs' button table: title ≤ 100 characters). */
    static final int MAX_TITLE = 100;
    /** How many buttons one message carries: the most any answer has; Zalo's own maximum is not documented. */
    static final int MAX_BUTTONS = 5;

    private static final Pattern PHONE = Pattern.compile("(?i)(?:tel:)?(\\+?[0-9][0-9 .]{1,18}[0-9])");

    /** The {@code buttons} array of a Zalo template for these options. */
    List<Map<String, Object>> render(List<QuickReplyOption> options) {
        return options.stream().limit(MAX_BUTTONS).map(ZaloButtons::button).toList();
    }

    private static Map<String, Object> button(QuickReplyOption option) {
        String title = option.title().length() <= MAX_TITLE ? option.title() : option.title().substring(0, MAX_TITLE);
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("title", title);
        Matcher phone = PHONE.matcher(option.payload() == null ? "" : option.payload().strip());
        if (phone.matches()) {
            button.put("type", "oa.open.phone");
            button.put("payload", Map.of("phone_code", phone.group(1).replaceAll("[ .]", "")));
        } else {
            button.put("type", "oa.query.show");
            button.put("payload", title);
        }
        return button;
    }
}
