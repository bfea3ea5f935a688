package vn.motcua.knowledge;

/**
 * A reply a caseworker inserts by typing its shortcut ({@code /chao}) in the console, then edits and sends.
 *
 * @param shortcut what the caseworker types, starting with {@code /}
 * @param title    what the console lists it as
 */
public record CannedReply(String id, String shortcut, String title, String text) {
}
