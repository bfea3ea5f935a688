package vn.motcua.nlu;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.content.AccentFolding;

/**
 * Recognises a message that is only a short answer ("ok", "có ạ", "dạ vâng", "ko cần đâu", "thôi để sau nha") from the
 * phrases of {@code nlu/dialogue-acts.tsv}. Words of politeness at the edges are set aside first; what is left must be
 * made up of one act's phrases. One word carries little for a statistical classifier, so these are read, not guessed.
 */
public final class DialogueActs {

    static final String RESOURCE = "nlu/dialogue-acts.tsv";
    private static final String EDGE = "edge";

    private final PhraseLexicon phrases;
    private final Set<String> edges = new HashSet<>();

    public DialogueActs(Function<String, List<String>> words) {
        Map<String, String> lines = LabelledPhrases.read(RESOURCE);
        PhraseLexicon.lines(lines.remove(EDGE)).forEach(w -> words.apply(w).forEach(x -> edges.add(AccentFolding.fold(x))));
        lines.keySet().forEach(label -> {
            if (DialogueAct.of(label) == DialogueAct.NONE) {
                throw new IllegalStateException(RESOURCE + ": " + label + " is not a dialogue act intent");
            }
        });
        this.phrases = new PhraseLexicon(lines, "", words);
    }

    public Optional<DialogueAct> find(NormalizedText text) {
        int start = 0;
        int end = text.folded().size();
        Optional<DialogueAct> whole = coveredByOneAct(text, start, end);
        if (whole.isPresent()) {
            return whole;
        }
        while (start < end && edges.contains(text.folded().get(start))) {
            start++;
        }
        while (end > start && edges.contains(text.folded().get(end - 1))) {
            end--;
        }
        return coveredByOneAct(text, start, end);
    }

    /** The act whose phrases cover every token of [start, end), if exactly one does. */
    private Optional<DialogueAct> coveredByOneAct(NormalizedText text, int start, int end) {
        if (start >= end) {
            return Optional.empty();
        }
        NormalizedText part = text.slice(start, end);
        for (DialogueAct act : DialogueAct.values()) {
            if (act == DialogueAct.NONE) {
                continue;
            }
            boolean[] covered = new boolean[part.folded().size()];
            phrases.hits(part).stream().filter(h -> h.label().equals(act.intent())).forEach(h -> {
                for (int i = h.start(); i < h.end(); i++) {
                    covered[i] = true;
                }
            });
            boolean all = true;
            for (boolean c : covered) {
                all &= c;
            }
            if (all) {
                return Optional.of(act);
            }
        }
        return Optional.empty();
    }
}
