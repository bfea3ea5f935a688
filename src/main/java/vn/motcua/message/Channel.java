package vn.motcua.message;

/** The chat platforms people reach us through. */
public enum Channel {
    MESSENGER, ZALO, WEBCHAT;

    /** Lower-case name used in pseudonymous ids and metrics. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The channel whose {@link #id()} this is. */
    public static Channel fromId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
