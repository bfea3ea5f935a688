package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static Evaluation.Outcome o(String expected, String predicted) {
        return new Evaluation.Outcome(expected, predicted, 0.5);
    }

    private final Evaluation evaluation = new Evaluation(List.of(
            o("greeting", "greeting"),
            o("greeting", "hotline"),
            o("hotline", "hotline"),
            o("hotline", "hotline"),
            o("emergency", "self_harm"),
            o("self_harm", "self_harm"),
            o("emergency", "domestic_violence"),
            o("emergency", "emergency")));

    @Test
    void computesAccuracyAndPerIntentPrecisionRecall() {
        assertThat(evaluation.accuracy()).isCloseTo(5 / 8.0, within(1e-9));
        var hotline = evaluation.perIntent().stream().filter(s -> s.intent().equals("hotline")).findFirst().orElseThrow();
        assertThat(hotline.precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(hotline.recall()).isEqualTo(1.0);
        var greeting = evaluation.perIntent().stream().filter(s -> s.intent().equals("greeting")).findFirst().orElseThrow();
        assertThat(greeting.precision()).isEqualTo(1.0);
        assertThat(greeting.recall()).isEqualTo(0.5);
        assertThat(greeting.f1()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void macroF1AveragesTheIntentsThatOccur() {
        // greeting 2/3, hotline 0.8, emergency P=1 R=1/3 → 0.5, self_harm P=0.5 R=1 → 2/3; domestic_violence has no
        // true messages, so it does not count.
        double expected = (2 / 3.0 + 0.8 + 0.5 + 2 / 3.0) / 4;
        assertThat(evaluation.macroF1()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void countsEmergencyAndSelfHarmTogetherForCrisisRecall() {
        // Three of four true crisis messages got a crisis intent: emergency answered as self_harm still counts.
        assertThat(evaluation.crisisRecall()).isEqualTo(0.75);
        assertThat(evaluation.crisisCount()).isEqualTo(4);
    }

    @Test
    void listsTheMostFrequentConfusionsFirst() {
        Evaluation more = new Evaluation(List.of(o("a", "b"), o("a", "b"), o("c", "d"), o("a", "a")));
        assertThat(more.topConfusions(5)).containsExactly(new Evaluation.Confusion("a", "b", 2),
                new Evaluation.Confusion("c", "d", 1));
    }

    @Test
    void reportNamesEveryFigure() {
        assertThat(evaluation.report()).contains("accuracy       0.625", "macro-F1", "crisis recall  0.750",
                "emergency -> self_harm", "greeting", "precision");
    }
}
