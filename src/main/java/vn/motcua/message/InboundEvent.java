package vn.motcua.message;

import java.time.Instant;

/**
 * One thing a person did on a platform, as it enters the inbox.
 *
 * @param eventId  the platform's id for the event (message id), used only to drop redeliveries
 * @param from     where replies go
 * @param sentAt   when the platform says it happened
 * @param content  what was sent
 * @param observed true when another app owns the thread (Messenger standby): record it, send nothing
 * @param urgent   the safety lexicon found a crisis in it at the door: it is handled before ordinary events
 */
public record InboundEvent(String eventId, ReplyAddress from, Instant sentAt, InboundContent content, boolean observed,
                           boolean urgent) {

    public InboundEvent(String eventId, ReplyAddress from, Instant sentAt, InboundContent content, boolean observed) {
        this(eventId, from, sentAt, content, observed, false);
    }

    public Channel channel() {
        return from.channel();
    }

    /** The same event, marked as a crisis to be handled first. */
    public InboundEvent markedUrgent() {
        return new InboundEvent(eventId, from, sentAt, content, observed, true);
    }

    /** The person it comes from, as a key for ordering and fairness; held in memory only, never stored or logged. */
    public String personKey() {
        return from.channel().id() + ":" + from.userId();
    }
}
