package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MistakeCostsTest {

    private final MistakeCosts costs = new MistakeCosts(0.60);

    private static List<ScoredIntent> ranking(String best, double q, String second) {
        return List.of(new ScoredIntent(best, q), new ScoredIntent(second, 1 - q));
    }

    @Test
    void anOrdinaryTopicIsAskedAboutExactlyBelowTheLowConfidenceSetting() {
        assertThat(costs.shouldAsk(ranking(Intents.HOTLINE, 0.58, Intents.LEGAL_AID))).isTrue();
        assertThat(costs.shouldAsk(ranking(Intents.HOTLINE, 0.62, Intents.LEGAL_AID))).isFalse();
    }

    @Test
    void someoneWhoToldOfHarmIsAnsweredAtALowerProbabilityThanAnOrdinaryQuestion() {
        assertThat(costs.shouldAsk(ranking(Intents.DOMESTIC_VIOLENCE, 0.45, Intents.LEGAL_AID))).isFalse();
        assertThat(costs.shouldAsk(ranking(Intents.HOTLINE, 0.45, Intents.LEGAL_AID))).isTrue();
    }

    @Test
    void aMixUpBetweenHarmsIsCheapAndAMissedCrisisIsNot() {
        assertThat(costs.wrong(Intents.CHILD_ABUSE, Intents.DOMESTIC_VIOLENCE)).isLessThan(costs.wrong(Intents.HOTLINE,
                Intents.LEGAL_AID));
        assertThat(costs.wrong(Intents.SUBSCRIBE, Intents.EMERGENCY)).isGreaterThan(costs.wrong(Intents.SELF_HARM,
                Intents.COUNSELING));
        // A likely crisis behind an ordinary best guess makes the bot ask (the question gives 113 first).
        List<ScoredIntent> shaky = List.of(new ScoredIntent(Intents.HOTLINE, 0.62), new ScoredIntent(Intents.EMERGENCY, 0.3),
                new ScoredIntent(Intents.LEGAL_AID, 0.08));
        assertThat(costs.shouldAsk(shaky)).isTrue();
    }

    @Test
    void aGuessBelowTheFloorIsNeverAnswered() {
        assertThat(costs.shouldAsk(ranking(Intents.DOMESTIC_VIOLENCE, 0.35, Intents.CHILD_ABUSE))).isTrue();
        assertThat(costs.shouldAsk(ranking(Intents.SELF_HARM, 0.35, Intents.EMERGENCY))).isTrue();
    }
}
