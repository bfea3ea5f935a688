package vn.motcua.handoff;

import java.time.Instant;

import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;

/**
 * One message of the transcript, opened for a caseworker: what the person wrote, what was sent and whether it arrived.
 *
 * @param text     null for something without text (a picture, a follow)
 * @param delivery null for what the person wrote
 * @param author   the caseworker (or platform inbox) for their messages, else null
 */
public record TranscriptLine(String id, Speaker from, String text, Instant at, String intent, Turn.Delivery delivery,
                             String failure, String author) {

    @Override
    public String toString() {
        return "TranscriptLine[" + id + ", " + from + "]";
    }
}
