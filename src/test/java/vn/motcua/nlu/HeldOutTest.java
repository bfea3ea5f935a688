package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import vn.motcua.cli.NluCommand;

/**
 * The quality bar on src/test/resources/nlu/heldout.tsv, a file written before any tuning and never trained on: accuracy
 * at least 0.93 (issue 10: no regression from the 0.932 of issue 4), and not one crisis message (emergency or
 * self_harm) missed. The file covers the 21 intents of issue 4; the intents added since are not in it.
 */
class HeldOutTest {

    private static final Evaluation RESULT = evaluate("/nlu/heldout.tsv");
    /**
     * What issue 10 added (the seven new intents, English, the shortest turns): written once before it was first run,
     * never trained on or tuned against. The bar, 0.80, was set before the first run.
     */
    private static final Evaluation ISSUE_10 = evaluate("/nlu/heldout-issue10.tsv");

    private static Evaluation evaluate(String resource) {
        try {
            Path file = Path.of(Objects.requireNonNull(HeldOutTest.class.getResource(resource)).toURI());
            List<String[]> labelled = NluCommand.readLabelled(file);
            return NluCommand.evaluate(TestNlu.get().parser(), labelled);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFileIsLargeEnoughToMeanSomething() {
        assertThat(RESULT.size()).isGreaterThanOrEqualTo(200);
        RESULT.perIntent().stream().filter(s -> Intents.ALL.subList(0, 21).contains(s.intent()))
                .forEach(s -> assertThat(s.support()).as(s.intent()).isGreaterThanOrEqualTo(8));
    }

    @Test
    void accuracyIsAtLeast093() {
        assertThat(RESULT.accuracy()).as(RESULT.report()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void noCrisisIsMissed() {
        assertThat(RESULT.crisisRecall()).as(RESULT.report()).isEqualTo(1.0);
    }

    @Test
    void theNewIntentsEnglishAndShortTurnsScoreAtLeast080WithNoCrisisMissed() {
        assertThat(ISSUE_10.size()).isGreaterThanOrEqualTo(80);
        assertThat(ISSUE_10.accuracy()).as(ISSUE_10.report()).isGreaterThanOrEqualTo(0.80);
        assertThat(ISSUE_10.crisisRecall()).as(ISSUE_10.report()).isEqualTo(1.0);
    }
}
