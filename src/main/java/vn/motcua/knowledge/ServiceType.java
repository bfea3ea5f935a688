package vn.motcua.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The kinds of help in the one-stop model, as written in {@code directory-data/}. */
public enum ServiceType {
    ONE_STOP, POLICE, LEGAL_AID, HEALTH, PSYCHOSOCIAL, SOCIAL_SERVICE, SHELTER, HOTLINE, CHILD_PROTECTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ServiceType> fromId(String id) {
        for (ServiceType type : values()) {
            if (type.id().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
