package vn.motcua.outbox;

import vn.motcua.message.OutboundMessage;

/**
 * A message held by the outbox.
 *
 * @param sequence the outbox's own order of enqueueing, which tells whether a discard came after it
 */
public record OutboxEntry(OutboundMessage message, long sequence) {
}
