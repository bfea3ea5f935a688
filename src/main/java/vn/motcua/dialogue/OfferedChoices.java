package vn.motcua.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.motcua.content.AccentFolding;
import vn.motcua.message.QuickReplyOption;

/**
 * The choices a conversation remembers as offered last, and a typed message read as one of them. A Zalo query button
 * sends its title back as an ordinary message, and anyone on any channel may type a title instead of tapping it:
 * "gap nhan vien", "Gặp nhân viên!" and "gặp  nhân viên" all mean the button "Gặp nhân viên".
 */
final class OfferedChoices {

    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private OfferedChoices() {
    }

    /** The offered choice whose title is the typed text (accents, case, spaces and punctuation aside), if any. */
    static Optional<QuickReplyOption> typed(List<QuickReplyOption> offered, String text) {
        if (text == null || offered.isEmpty()) {
            return Optional.empty();
        }
        String key = key(text);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return offered.stream().filter(option -> key.equals(key(option.title()))).findFirst();
    }

    /**
     * What to remember after a turn: the choices of its replies in order, without call buttons (a call is not an
     * answer to the bot) and without repeats; when the turn says nothing, what was remembered before.
     */
    static List<QuickReplyOption> toRemember(List<Action> actions, List<QuickReplyOption> before) {
        List<Action.Reply> replies = actions.stream()
                .filter(Action.Reply.class::isInstance).map(Action.Reply.class::cast).toList();
        if (replies.isEmpty()) {
            return before;
        }
        List<QuickReplyOption> offered = new ArrayList<>();
        for (Action.Reply reply : replies) {
            for (QuickReplyOption option : reply.answer().quickReplies()) {
                if (!option.dials() && offered.stream().noneMatch(o -> key(o.title()).equals(key(option.title())))) {
                    offered.add(option);
                }
            }
        }
        return List.copyOf(offered);
    }

    private static String key(String text) {
        return NOT_A_LETTER_OR_DIGIT.matcher(AccentFolding.fold(text.toLowerCase(Locale.ROOT))).replaceAll("");
    }
}
