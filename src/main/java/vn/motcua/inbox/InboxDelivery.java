package vn.motcua.inbox;

import vn.motcua.message.InboundEvent;

/**
 * An event handed to a worker. It stays pending until acknowledged; a released delivery comes back.
 *
 * @param deliveryId the queue's id for this delivery (not the platform's)
 * @param attempt    1 for the first delivery, more when redelivered
 */
public record InboxDelivery(String deliveryId, InboundEvent event, int attempt) {
}
