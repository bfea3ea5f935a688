package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockWebServer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.message.ReplyAddress;
import vn.motcua.outbox.FailedSend;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.ReachabilityStore;

/**
 * A caseworker's reply goes with the HUMAN_AGENT tag only when the Page has Meta's permission for it; without it the
 * tag would be refused, so the reply goes as a RESPONSE (the console lets it go only within the 24-hour window).
 */
class MessengerHumanAgentTagTest {

    private final GraphApiStub graph = new GraphApiStub();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(graph);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutThePermissionACaseworkersReplyIsAResponse() {
        String psid = send(false);
        assertThat(graph.messagesTo(psid)).singleElement().satisfies(call -> {
            assertThat(call.body().path("messaging_type").asString()).isEqualTo("RESPONSE");
            assertThat(call.body().has("tag")).isFalse();
        });
    }

    @Test
    void withThePermissionItCarriesTheTag() {
        String psid = send(true);
        assertThat(graph.messagesTo(psid)).singleElement().satisfies(call -> {
            assertThat(call.body().path("messaging_type").asString()).isEqualTo("MESSAGE_TAG");
            assertThat(call.body().path("tag").asString()).isEqualTo("HUMAN_AGENT");
        });
    }

    private String send(boolean humanAgent) {
        MessengerProperties properties = new MessengerProperties(null, "secret", "token",
                "http://127.0.0.1:" + server.getPort(), null, 0, 0, 1, null, null, null, null);
        MessengerSendClient client = new MessengerSendClient(properties, NO_FAILURES, ALWAYS_REACHABLE,
                JsonMapper.builder().build(), humanAgent);
        String psid = "psid-" + UUID.randomUUID();
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), "c", ReplyAddress.of(Channel.MESSENGER,
                psid), Purpose.HUMAN_AGENT, false, "Chị Lan đây.", List.of());
        assertThat(client.send(reply).block().delivered()).isTrue();
        return psid;
    }

    private static final FailedSendLog NO_FAILURES = new FailedSendLog() {
        @Override
        public Mono<Void> record(FailedSend failure) {
            return Mono.empty();
        }

        @Override
        public Flux<FailedSend> recent() {
            return Flux.empty();
        }

        @Override
        public Flux<FailedSend> forConversation(String conversationId) {
            return Flux.empty();
        }

        @Override
        public Mono<Void> forget(String conversationId) {
            return Mono.empty();
        }
    };

    private static final ReachabilityStore ALWAYS_REACHABLE = new ReachabilityStore() {
        @Override
        public Mono<Void> markUnreachable(String conversationId, String reason) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> markReachable(String conversationId) {
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> isUnreachable(String conversationId) {
            return Mono.just(false);
        }
    };
}
