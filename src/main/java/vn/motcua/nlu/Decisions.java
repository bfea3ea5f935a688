package vn.motcua.nlu;

import java.util.List;
import java.util.Locale;

/**
 * What answering and asking did over a set of judged messages: how many were answered and how many of those right,
 * the questions that were not needed, the wrong answers, the crisis answers given to messages that were not a crisis,
 * and what it all cost ({@link MistakeCosts}). Used by {@code nlu cv} to compare the decision rules in docs/nlu.md.
 */
public record Decisions(int messages, double answered, double accuracyWhenAnswered, double needlessQuestions,
                        double wrongAnswers, int falseCrisisAnswers, double crisisAnswered, double cost) {

    public static final String HEADER = "| rule | answered | accuracy when answered | needless questions | wrong answers "
            + "| false crisis answers | true crises answered as crisis | cost per message |\n|---|---|---|---|---|---|---|---|";

    public static Decisions of(List<Evaluation.Outcome> outcomes, MistakeCosts costs) {
        int answered = 0;
        int answeredRight = 0;
        int needless = 0;
        int wrong = 0;
        int falseCrisis = 0;
        int crises = 0;
        int crisesAnswered = 0;
        double cost = 0;
        for (Evaluation.Outcome o : outcomes) {
            boolean crisisMeant = Intents.isCrisis(o.expected());
            crises += crisisMeant ? 1 : 0;
            if (o.asked()) {
                needless += o.correct() ? 1 : 0;
                cost += costs.ask(o.expected());
                continue;
            }
            answered++;
            answeredRight += o.correct() ? 1 : 0;
            wrong += o.correct() ? 0 : 1;
            falseCrisis += Intents.isCrisis(o.predicted()) && !crisisMeant ? 1 : 0;
            crisesAnswered += crisisMeant && Intents.isCrisis(o.predicted()) ? 1 : 0;
            cost += costs.wrong(o.predicted(), o.expected());
        }
        int n = Math.max(1, outcomes.size());
        return new Decisions(outcomes.size(), (double) answered / n, answered == 0 ? 0 : (double) answeredRight / answered,
                (double) needless / n, (double) wrong / n, falseCrisis, crises == 0 ? 1 : (double) crisesAnswered / crises,
                cost / n);
    }

    public String format(String rule) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %d | %.3f | %.3f |", rule, answered,
                accuracyWhenAnswered, needlessQuestions, wrongAnswers, falseCrisisAnswers, crisisAnswered, cost);
    }
}
