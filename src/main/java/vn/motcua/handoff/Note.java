package vn.motcua.handoff;

import java.time.Instant;

/**
 * A caseworker's internal note on a conversation; the person never sees it.
 *
 * @param sealedText the note, encrypted at rest like the transcript
 */
public record Note(String id, String conversationId, String author, String sealedText, Instant at) {

    @Override
    public String toString() {
        return "Note[" + id + ", " + author + "]";
    }
}
