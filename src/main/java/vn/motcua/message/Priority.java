package vn.motcua.message;

/** How urgently a conversation needs a person. Declared lowest first. */
public enum Priority {
    NORMAL, HIGH, CRITICAL;

    public Priority atLeast(Priority other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }
}
