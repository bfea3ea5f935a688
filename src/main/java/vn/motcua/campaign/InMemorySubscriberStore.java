package vn.motcua.campaign;

import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.message.Channel;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.TextSealer;

/**
 * Subscribers in process memory; the send token is kept encrypted like every reply address. An opt-in is forgotten
 * the subscriber period ({@code MOTCUA_SUBSCRIBER_RETENTION}) after it was given; opting in again renews it.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemorySubscriberStore implements SubscriberStore {

    private record Subscriber(Channel channel, String sealedToken, Instant since) {
    }

    private final Cache<String, Subscriber> subscribers;
    private final TextSealer sealer;

    @org.springframework.beans.factory.annotation.Autowired
    InMemorySubscriberStore(TextSealer sealer, PrivacyProperties properties) {
        this.sealer = sealer;
        this.subscribers = Caffeine.newBuilder().expireAfterWrite(properties.subscriberRetention()).build();
    }

    InMemorySubscriberStore(TextSealer sealer) {
        this(sealer, new PrivacyProperties(null, null));
    }

    @Override
    public Mono<Void> subscribe(String conversationId, Channel channel, String sendToken) {
        return Mono.fromRunnable(() -> subscribers.put(conversationId,
                new Subscriber(channel, sealer.seal(sendToken), Instant.now())));
    }

    @Override
    public Mono<Void> unsubscribe(String conversationId) {
        return Mono.fromRunnable(() -> subscribers.invalidate(conversationId));
    }

    @Override
    public Mono<Boolean> isSubscribed(String conversationId) {
        return Mono.fromSupplier(() -> subscribers.getIfPresent(conversationId) != null);
    }
}
