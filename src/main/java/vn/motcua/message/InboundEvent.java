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
 */
public record InboundEvent(String eventId, ReplyAddress from, Instant sentAt, InboundContent content, boolean observed) {

    public Channel channel() {
        return from.channel();
    }
}
