package vn.motcua.handoff;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.redis.RedisScope;

class RedisHandoffEventsTest extends HandoffEventsContract {

    private final RedisScopes scopes = new RedisScopes();
    private final java.util.List<RedisHandoffEvents> started = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        started.forEach(RedisHandoffEvents::stop);
        scopes.close();
    }

    @Override
    HandoffEvents newEvents() {
        RedisScope s = scopes.next("events");
        RedisHandoffEvents events = new RedisHandoffEvents(s.template(), s.factory(), s.keys(), RedisScopes.SEALER);
        events.start();
        started.add(events);
        events.subscribed().block(Duration.ofSeconds(10));
        return events;
    }
}
