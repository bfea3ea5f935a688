package vn.motcua.message;

/**
 * A button under a message that sends {@code payload} back when tapped, or, when the payload is {@code tel:<number>},
 * dials that number where the platform can.
 */
public record QuickReplyOption(String title, String payload) {

    public static final String CALL_PREFIX = "tel:";

    /** True for a call button; each channel renders it its own way (or leaves it out where it cannot dial). */
    public boolean dials() {
        return payload != null && payload.startsWith(CALL_PREFIX);
    }
}
