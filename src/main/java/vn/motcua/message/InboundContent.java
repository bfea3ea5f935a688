package vn.motcua.message;

import java.util.List;

/** What a person sent, independent of the platform it came from. */
public sealed interface InboundContent {

    /** A typed message. */
    record Text(String text) implements InboundContent {
        @Override
        public String toString() {
            return "Text[hidden]";
        }
    }

    /** A tap on one of our quick replies (or a Zalo query button); {@code text} is the button's title. */
    record QuickReply(String payload, String text) implements InboundContent {
    }

    /** A tap on a persistent-menu or template button. */
    record Postback(String payload, String title) implements InboundContent {
    }

    /** Pictures, voice, files, stickers: the bot reads text only. */
    record Attachment(List<String> types) implements InboundContent {
    }

    /** The person opened the chat from a link, an ad or a plugin. */
    record Referral(String source) implements InboundContent {
    }

    /** The person agreed to receive messages from us; {@code token} is the platform's permission to send, if any. */
    record OptIn(String type, String token) implements InboundContent {
    }

    /** The person followed our account (Zalo "quan tâm"); {@code source} says from where, e.g. {@code oa_profile}. */
    record Follow(String source) implements InboundContent {
    }

    /** The person stopped following our account: nothing may be sent to them any more. */
    record Unfollow() implements InboundContent {
    }

    /**
     * A person on our side answered from the platform's own inbox (the Zalo OA chat), not through this service: it is
     * recorded as a caseworker's turn and the bot stays silent. {@code text} is null when they sent something else.
     */
    record CaseworkerEcho(String text) implements InboundContent {
        @Override
        public String toString() {
            return "CaseworkerEcho[hidden]";
        }
    }

    /**
     * The person asked, outside the chat itself, to erase everything (the web chat's erase button, later the
     * console's erase action). Carried through the inbox like a message so that it takes the conversation's turn
     * in order, under its lock. {@code quietly}: the channel has already told the person and nobody is left to answer.
     */
    record Erase(boolean quietly) implements InboundContent {
    }
}
