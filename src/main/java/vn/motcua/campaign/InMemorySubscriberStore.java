package vn.motcua.campaign;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.message.Channel;
import vn.motcua.privacy.TextSealer;

/** Subscribers in process memory; the send token is kept encrypted like every reply address. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemorySubscriberStore implements SubscriberStore {

    private record Subscriber(Channel channel, String sealedToken, Instant since) {
    }

    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final TextSealer sealer;

    InMemorySubscriberStore(TextSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public Mono<Void> subscribe(String conversationId, Channel channel, String sendToken) {
        return Mono.fromRunnable(() -> subscribers.put(conversationId,
                new Subscriber(channel, sealer.seal(sendToken), Instant.now())));
    }

    @Override
    public Mono<Void> unsubscribe(String conversationId) {
        return Mono.fromRunnable(() -> subscribers.remove(conversationId));
    }

    @Override
    public Mono<Boolean> isSubscribed(String conversationId) {
        return Mono.fromSupplier(() -> subscribers.containsKey(conversationId));
    }
}
