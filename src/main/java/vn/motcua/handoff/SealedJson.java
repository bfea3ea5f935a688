package vn.motcua.handoff;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.privacy.TextSealer;

/**
 * How the Redis adapters of this room store a record: its JSON, sealed whole with {@link TextSealer} (AES-GCM). A
 * Redis dump then shows neither what caseworkers wrote nor who was referred where, why a conversation was escalated
 * or who holds it: only key names, whose ids are pseudonymous.
 */
final class SealedJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TextSealer sealer;

    SealedJson(TextSealer sealer) {
        this.sealer = sealer;
    }

    String seal(Object value) {
        return sealer.seal(JSON.writeValueAsString(value));
    }

    <T> T open(String sealed, Class<T> type) {
        return sealed == null ? null : JSON.readValue(sealer.open(sealed), type);
    }
}
