package vn.motcua.channel.webchat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryWebChatSessionStoreTest extends WebChatSessionStoreContract {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    WebChatSessionStore newStore() {
        return new InMemoryWebChatSessionStore(properties(), nanos::get);
    }

    @Override
    void elapse(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    private WebChatProperties properties() {
        return new WebChatProperties(null, null, 0, 10, Duration.ofSeconds(10), idle(), 0, null);
    }
}
