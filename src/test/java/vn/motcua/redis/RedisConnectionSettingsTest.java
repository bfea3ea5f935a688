package vn.motcua.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What docs/architecture.md ("Redis Cluster and Sentinel") tells an operator to write reaches the connection: a
 * Sentinel URL gives a Sentinel setup with its monitored name and every sentinel, {@code MOTCUA_REDIS_CLUSTER} a
 * Cluster one seeded with the given node, a plain URL one standalone server. Nothing connects (connections are made
 * on first use), so no Cluster or Sentinel is needed to check it.
 */
class RedisConnectionSettingsTest {

    @Test
    void sentinelClusterAndStandaloneUrlsGiveTheSetupTheDocsDescribe() {
        LettuceConnectionFactory sentinel = factory(
                "redis-sentinel://:s3cret@sentinel1:26379,sentinel2:26380/0#mymaster", false);
        assertThat(sentinel.getSentinelConfiguration()).isNotNull();
        assertThat(sentinel.getSentinelConfiguration().getMaster().getName()).isEqualTo("mymaster");
        assertThat(sentinel.getSentinelConfiguration().getSentinels()).extracting(RedisNode::getHost)
                .containsExactlyInAnyOrder("sentinel1", "sentinel2");
        assertThat(sentinel.getSentinelConfiguration().getPassword().get()).containsExactly("s3cret".toCharArray());

        LettuceConnectionFactory cluster = factory("redis://:s3cret@node1:7000", true);
        assertThat(cluster.getClusterConfiguration()).isNotNull();
        assertThat(cluster.getClusterConfiguration().getClusterNodes()).extracting(RedisNode::getHost, RedisNode::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node1", 7000));
        assertThat(cluster.getSentinelConfiguration()).isNull();

        LettuceConnectionFactory standalone = factory("redis://127.0.0.1:6390", false);
        assertThat(standalone.getClusterConfiguration()).isNull();
        assertThat(standalone.getSentinelConfiguration()).isNull();
        assertThat(standalone.getPort()).isEqualTo(6390);
    }

    private static LettuceConnectionFactory factory(String url, boolean cluster) {
        return new RedisConfiguration().redisConnectionFactory(new RedisStoreProperties(url, "motcua:", cluster,
                Duration.ofMinutes(2), Duration.ofMillis(100), 100_000));
    }
}
