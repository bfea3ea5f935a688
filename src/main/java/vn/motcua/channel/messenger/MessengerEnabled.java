package vn.motcua.channel.messenger;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Messenger is on when both its app secret and page token are configured. */
class MessengerEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        return hasText(env.getProperty("motcua.messenger.app-secret"))
                && hasText(env.getProperty("motcua.messenger.page-token"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
