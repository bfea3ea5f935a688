package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shipped calibration (nlu/calibration.properties) still fits the shipped examples: when examples change a lot,
 * this fails and says to run {@code nlu calibrate --write src/main/resources/nlu/calibration.properties}.
 */
class CalibrationTest {

    private static final Nlu NLU = TestNlu.get();

    @Test
    void theShippedCalibrationFitsTheExamplesAsWellAsAFreshFitAndBetterThanTheRawScores() {
        List<CalibrationFit.Sample> samples = new CrossValidation(NLU).judge(ClassifierSettings.CHOSEN, 10,
                Calibration.NONE).stream().filter(j -> !j.ruled()).map(CrossValidation.Judged::sample).toList();
        CalibrationFit.Quality raw = CalibrationFit.quality(samples, Calibration.NONE);
        CalibrationFit.Quality shipped = CalibrationFit.quality(samples, NLU.calibration());
        CalibrationFit.Quality fresh = CalibrationFit.quality(samples, CalibrationFit.fit(samples));
        String report = "raw " + raw.format() + "\nshipped " + shipped.format() + "\nfresh " + fresh.format()
                + "\nrun: nlu calibrate --write src/main/resources/nlu/calibration.properties";
        assertThat(shipped.logLoss()).as(report).isLessThanOrEqualTo(fresh.logLoss() + 0.01);
        assertThat(shipped.ece()).as(report).isLessThanOrEqualTo(0.05);
        assertThat(shipped.logLoss()).as(report).isLessThan(raw.logLoss());
    }

    @Test
    void theBestIntentGetsTheProbabilityAndTheRestShareWhatIsLeftInTheSameOrder() {
        List<ScoredIntent> raw = List.of(new ScoredIntent("a", 0.5), new ScoredIntent("b", 0.3),
                new ScoredIntent("c", 0.2));
        List<ScoredIntent> calibrated = NLU.calibration().apply(raw, 1);
        assertThat(calibrated).extracting(ScoredIntent::intent).containsExactly("a", "b", "c");
        assertThat(calibrated.stream().mapToDouble(ScoredIntent::score).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(calibrated.get(1).score() / calibrated.get(2).score()).isCloseTo(1.5,
                org.assertj.core.data.Offset.offset(1e-9));
        // One word that the classifier gives 0.5 is more often right than that: it is a short, clear message.
        assertThat(calibrated.get(0).score()).isGreaterThan(0.5);
    }
}
