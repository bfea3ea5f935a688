package vn.motcua.privacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * The server secret behind pseudonymous ids and text encryption. Without MOTCUA_SECRET a random one is made for
 * this start only: ids then change on restart, which is safe (nothing links back to a person) but loses history.
 */
@Component
public class ServerSecret {

    private static final Logger log = LoggerFactory.getLogger(ServerSecret.class);

    private final byte[] bytes;

    public ServerSecret(PrivacyProperties properties) {
        String configured = properties.secret();
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.bytes = random;
            log.warn("MOTCUA_SECRET is not set: a random secret was generated for this start only. "
                    + "Conversation ids and stored text will not survive a restart. Set MOTCUA_SECRET in production.");
        } else {
            this.bytes = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "ServerSecret[hidden]";
    }
}
