package vn.motcua.channel.webchat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.motcua.channel.webchat.ConversationScripts.Flag;
import vn.motcua.channel.webchat.ConversationScripts.Script;
import vn.motcua.channel.webchat.TurnJudge.Kind;
import vn.motcua.channel.webchat.TurnJudge.Verdict;

/**
 * The figure of a run of scripted conversations: turns passing, conversations fully passing, clarify questions,
 * repeats, false crises, and every failing turn with what was wrong. Turns marked {@code context} only set the
 * scene: they count for safety, not in the figure.
 */
final class ConversationFigure {

    record Judged(Script script, List<Verdict> verdicts) {

        List<Verdict> counted() {
            return verdicts.stream().filter(v -> !v.played().turn().expect().has(Flag.CONTEXT)).toList();
        }

        boolean passed() {
            return counted().stream().allMatch(Verdict::passed);
        }
    }

    private final String name;
    private final List<Judged> conversations = new ArrayList<>();

    ConversationFigure(String name) {
        this.name = name;
    }

    void add(Script script, List<Verdict> verdicts) {
        conversations.add(new Judged(script, List.copyOf(verdicts)));
    }

    List<Verdict> counted() {
        return conversations.stream().flatMap(c -> c.counted().stream()).toList();
    }

    int turns() {
        return counted().size();
    }

    int turnsPassing() {
        return (int) counted().stream().filter(Verdict::passed).count();
    }

    double turnShare() {
        return turns() == 0 ? 0 : (double) turnsPassing() / turns();
    }

    int conversationsPassing() {
        return (int) conversations.stream().filter(Judged::passed).count();
    }

    int count(Kind kind) {
        // Safety counts every turn, context turns too; the rest only the turns in the figure.
        return (int) (kind.safety ? all() : counted()).stream().filter(v -> v.has(kind)).count();
    }

    int clarified() {
        return (int) counted().stream().filter(Verdict::clarified).count();
    }

    /** Every turn with a safety problem, context turns included. */
    List<String> safetyFailures() {
        List<String> out = new ArrayList<>();
        for (Judged judged : conversations) {
            for (Verdict v : judged.verdicts()) {
                v.problems().stream().filter(p -> p.kind().safety)
                        .forEach(p -> out.add(describe(judged.script(), v) + " — " + p));
            }
        }
        return out;
    }

    List<String> failingTurns() {
        List<String> out = new ArrayList<>();
        for (Judged judged : conversations) {
            for (Verdict v : judged.verdicts()) {
                boolean context = v.played().turn().expect().has(Flag.CONTEXT);
                if (!v.passed() && (!context || !v.safe())) {
                    out.add(describe(judged.script(), v) + " — " + String.join("; ",
                            v.problems().stream().map(Object::toString).toList()));
                }
            }
        }
        return out;
    }

    private List<Verdict> all() {
        return conversations.stream().flatMap(c -> c.verdicts().stream()).toList();
    }

    private static String describe(Script script, Verdict v) {
        int index = script.turns().indexOf(v.played().turn()) + 1;
        String typed = v.played().turn().tap() ? "[" + v.played().turn().text() + "]" : v.played().turn().text();
        return script.name() + " / turn " + index + " \"" + typed + "\"";
    }

    /** Every turn as played: what was typed, each message the bot sent (buttons in brackets), what was wrong. */
    String transcript() {
        StringBuilder out = new StringBuilder();
        for (Judged judged : conversations) {
            out.append("=== ").append(judged.script().name()).append('\n');
            for (Verdict v : judged.verdicts()) {
                var turn = v.played().turn();
                out.append("> ").append(turn.tap() ? "[" + turn.text() + "]" : turn.text())
                        .append("   (line ").append(turn.line()).append(v.passed() ? ", ok" : ", FAILS").append(")\n");
                for (var message : v.played().messages()) {
                    message.text().lines().forEach(l -> out.append("    | ").append(l).append('\n'));
                    if (!message.buttons().isEmpty()) {
                        out.append("    | ").append(message.buttons().stream()
                                .map(b -> "[" + b.title() + "]").reduce((a, b) -> a + " " + b).orElse("")).append('\n');
                    }
                    out.append("    |\n");
                }
                out.append("    answered as ").append(v.played().answerIntents()).append(", priority ")
                        .append(v.played().priorityAfter()).append('\n');
                v.problems().forEach(p -> out.append("    !! ").append(p).append('\n'));
            }
            out.append('\n');
        }
        return out.toString();
    }

    String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d conversations, %d turns%n", name, conversations.size(),
                turns()));
        out.append(String.format(Locale.ROOT, "  turns passing: %d / %d (%.1f %%)%n", turnsPassing(), turns(),
                100 * turnShare()));
        out.append(String.format(Locale.ROOT, "  conversations fully passing: %d / %d%n", conversationsPassing(),
                conversations.size()));
        out.append(String.format(Locale.ROOT, "  clarify questions: %d (%.1f %% of turns), %d where the meaning was"
                + " plain%n", clarified(), turns() == 0 ? 0 : 100.0 * clarified() / turns(), count(Kind.CLARIFY)));
        out.append(String.format(Locale.ROOT, "  repeats (a block word for word from the previous bot turn): %d%n",
                count(Kind.REPEAT)));
        out.append(String.format(Locale.ROOT, "  false crises: %d; danger or self-harm turns without their crisis"
                + " answer (113 first, 115, CRITICAL): %d%n", count(Kind.FALSE_CRISIS), count(Kind.MISSED_CRISIS)));
        out.append(String.format(Locale.ROOT, "  facts missing or wrong: %d turns; language: %d; erasure: %d;"
                + " not answered: %d%n", count(Kind.FACT), count(Kind.LANGUAGE), count(Kind.ERASURE),
                count(Kind.NO_ANSWER)));
        List<String> failing = failingTurns();
        out.append("  failing turns: ").append(failing.size()).append(failing.isEmpty() ? "" : ":").append('\n');
        failing.forEach(f -> out.append("    ").append(f).append('\n'));
        return out.toString();
    }
}
