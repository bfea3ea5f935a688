package vn.motcua.inbox;

import vn.motcua.message.InboundContent;

/**
 * Tells, at the door and in microseconds, whether what a person sent signals a crisis, so the inbox can take it
 * before ordinary messages. Implemented where the safety lexicon is reachable (the bot room); missing one here only
 * costs a place in the line, never the crisis answer, which the turn decides on its own.
 */
public interface UrgencyCheck {

    boolean isUrgent(InboundContent content);
}
