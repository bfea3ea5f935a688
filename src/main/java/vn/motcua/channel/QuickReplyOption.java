package vn.motcua.channel;

/** A button under a message that sends {@code payload} back when tapped. */
public record QuickReplyOption(String title, String payload) {
}
