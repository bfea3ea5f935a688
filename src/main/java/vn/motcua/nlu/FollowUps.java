package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.content.AccentFolding;

/**
 * Finds the follow-up question in a message ({@code nlu/follow-ups.tsv}) and tells whether the message names a topic
 * of its own: a bare follow-up ("bao lâu", "có mất tiền ko", "nộp đơn ở đâu") is made of the question and of words
 * that carry no topic ({@code nlu/follow-up-fillers.tsv}), so it is asked about the topic of the conversation, not
 * about whatever the classifier would guess from "nộp đơn".
 */
public final class FollowUps {

    static final String PHRASES = "nlu/follow-ups.tsv";
    static final String FILLERS = "nlu/follow-up-fillers.tsv";
    private static final String EVERY = "*";

    /** What was found: the follow-up (NONE when none) and the tokens its phrases cover. */
    public record Found(FollowUp followUp, List<int[]> spans) {

        static final Found NONE = new Found(FollowUp.NONE, List.of());
    }

    private final PhraseLexicon phrases;
    /** follow-up id (or "*") → filler words with their accents, and → the same words folded. */
    private final Map<String, Set<String>> accented = new HashMap<>();
    private final Map<String, Set<String>> folded = new HashMap<>();

    public FollowUps(Function<String, List<String>> words) {
        var lines = LabelledPhrases.read(PHRASES);
        String exceptions = lines.getOrDefault(LabelledPhrases.EXCEPT, "");
        lines.remove(LabelledPhrases.EXCEPT);
        lines.keySet().forEach(FollowUp::fromId);
        this.phrases = new PhraseLexicon(lines, exceptions, words);
        LabelledPhrases.read(FILLERS).forEach((label, fillerLines) -> {
            if (!EVERY.equals(label)) {
                FollowUp.fromId(label);
            }
            for (String word : PhraseLexicon.lines(fillerLines)) {
                accented.computeIfAbsent(label, l -> new HashSet<>()).add(word);
                folded.computeIfAbsent(label, l -> new HashSet<>()).add(AccentFolding.fold(word));
            }
        });
    }

    public Found find(NormalizedText text) {
        List<PhraseLexicon.Hit> hits = phrases.hits(text);
        if (hits.isEmpty()) {
            return Found.NONE;
        }
        List<int[]> spans = new ArrayList<>();
        hits.forEach(hit -> spans.add(new int[] {hit.start(), hit.end()}));
        return new Found(FollowUp.fromId(hits.get(0).label()), spans);
    }

    /**
     * True when every token of the message is inside one of {@code spans} (the follow-up's phrases, "I cannot call")
     * or is a word that carries no topic, for every follow-up or for {@code followUp}.
     */
    public boolean namesNoTopic(NormalizedText text, FollowUp followUp, List<int[]> spans) {
        if (spans.isEmpty()) {
            return false;
        }
        boolean[] covered = new boolean[text.folded().size()];
        spans.forEach(span -> {
            for (int i = span[0]; i < span[1]; i++) {
                covered[i] = true;
            }
        });
        for (int i = 0; i < covered.length; i++) {
            if (!covered[i] && !filler(text.accented().get(i), text.folded().get(i), followUp)) {
                return false;
            }
        }
        return true;
    }

    private boolean filler(String typed, String typedFolded, FollowUp followUp) {
        for (String label : new String[] {EVERY, followUp.id()}) {
            if (accented.getOrDefault(label, Set.of()).contains(typed)
                    || (typed.equals(typedFolded) && folded.getOrDefault(label, Set.of()).contains(typedFolded))) {
                return true;
            }
        }
        // "cho con thì sao, con em 7 tuổi": the child's age says nothing about the topic.
        return followUp == FollowUp.FOR_CHILD && typedFolded.matches("\\d{1,2}");
    }
}
