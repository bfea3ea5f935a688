package vn.motcua.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The tests' Redis answers, and one test's cleanup leaves another's keys alone. */
class RedisTestSupportTest {

    @Test
    void aScopeRemovesOnlyItsOwnKeys() {
        try (RedisScope other = RedisTestSupport.scope("other")) {
            other.template().opsForValue().set(other.keys().key("kept"), "1").block(Duration.ofSeconds(5));
            try (RedisScope mine = RedisTestSupport.scope("mine")) {
                mine.template().opsForValue().set(mine.keys().key("a"), "1").block(Duration.ofSeconds(5));
                mine.template().opsForValue().set(mine.keys().conversation("c", "x"), "1").block(Duration.ofSeconds(5));
                assertThat(mine.allKeys()).containsExactlyInAnyOrder(mine.prefix() + "a", mine.prefix() + "c:{conv:x}");
            }
            assertThat(other.allKeys()).as("another scope's key survives").containsExactly(other.prefix() + "kept");
        }
    }
}
