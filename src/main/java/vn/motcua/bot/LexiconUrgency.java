package vn.motcua.bot;

import org.springframework.stereotype.Component;

import vn.motcua.inbox.UrgencyCheck;
import vn.motcua.message.InboundContent;
import vn.motcua.nlu.MessageParser;

/** Marks a message urgent at the door when the safety lexicon finds a crisis in what the person typed. */
@Component
class LexiconUrgency implements UrgencyCheck {

    private final MessageParser parser;

    LexiconUrgency(MessageParser parser) {
        this.parser = parser;
    }

    @Override
    public boolean isUrgent(InboundContent content) {
        if (content instanceof InboundContent.Text text) {
            return parser.signalsCrisis(text.text());
        }
        if (content instanceof InboundContent.QuickReply reply) {
            return parser.signalsCrisis(reply.text());
        }
        return false;
    }
}
