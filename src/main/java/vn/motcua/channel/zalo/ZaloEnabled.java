package vn.motcua.channel.zalo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Zalo is on when its app id and OA secret key are configured (the webhook can then check signatures). */
class ZaloEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        return hasText(env.getProperty("motcua.zalo.app-id")) && hasText(env.getProperty("motcua.zalo.oa-secret-key"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
