package vn.motcua.channel.zalo;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The {@code zalo} component of {@code /actuator/health}: DOWN once Zalo has refused the refresh token, because from
 * then on no reply can be sent until an operator gives the service a new one.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloHealthIndicator implements HealthIndicator {

    private volatile String refusal;

    void refreshRejected(String reason) {
        this.refusal = reason;
    }

    boolean isRefreshRejected() {
        return refusal != null;
    }

    @Override
    public Health health() {
        String reason = refusal;
        if (reason == null) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail("reason", "Zalo refused the refresh token: " + reason)
                .withDetail("action", "set ZALO_REFRESH_TOKEN to a new refresh token (README, \"Connecting a real "
                        + "Zalo Official Account\") and restart")
                .build();
    }
}
