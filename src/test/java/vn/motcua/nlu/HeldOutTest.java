package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import vn.motcua.cli.NluCommand;

/**
 * The quality bar of issue 4 on src/test/resources/nlu/heldout.tsv, a file written before any tuning and never
 * trained on: accuracy at least 0.92, and not one crisis message (emergency or self_harm) missed.
 */
class HeldOutTest {

    private static final Evaluation RESULT = evaluate();

    private static Evaluation evaluate() {
        try {
            Path file = Path.of(Objects.requireNonNull(HeldOutTest.class.getResource("/nlu/heldout.tsv")).toURI());
            List<String[]> labelled = NluCommand.readLabelled(file);
            return NluCommand.evaluate(TestNlu.get().parser(), labelled);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFileIsLargeEnoughToMeanSomething() {
        assertThat(RESULT.size()).isGreaterThanOrEqualTo(200);
        RESULT.perIntent().stream().filter(s -> Intents.ALL.contains(s.intent()))
                .forEach(s -> assertThat(s.support()).as(s.intent()).isGreaterThanOrEqualTo(8));
    }

    @Test
    void accuracyIsAtLeast092() {
        assertThat(RESULT.accuracy()).as(RESULT.report()).isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void noCrisisIsMissed() {
        assertThat(RESULT.crisisRecall()).as(RESULT.report()).isEqualTo(1.0);
    }
}
