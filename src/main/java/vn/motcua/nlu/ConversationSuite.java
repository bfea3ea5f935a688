package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Scripted conversations played through the parser, turn by turn, with the little context the dialogue will keep:
 * the current topic. A turn is judged by what the bot could do with the parse:
 * <ul>
 *   <li>a crisis (lexicon or a sure classifier) is answered as one;</li>
 *   <li>a short answer ({@link Parse#act()}) is taken as that act;</li>
 *   <li>a sure intent is answered;</li>
 *   <li>an unsure follow-up question ("bao lâu"), or an unsure "I cannot call", is answered for the current
 *       topic;</li>
 *   <li>anything else makes the bot ask ("?").</li>
 * </ul>
 *
 * <p>File format: {@code == title} starts a conversation; each turn is {@code text<TAB>expected}, where expected is
 * the intent the turn should be understood as (or {@code ?} when the bot should ask), then optionally the follow-up
 * ({@code cost}, {@code where}, …), {@code en} for English, {@code cannot_call}, {@code child}. Everything not named
 * must be absent: a turn with no follow-up named must have none. {@code #} starts a comment line.
 */
public final class ConversationSuite {

    /** The bot would ask what the person meant. */
    public static final String ASK = "?";

    /** Intents that become the conversation's topic, which a later follow-up question is about. */
    static final Set<String> TOPICS = Set.of(Intents.EMERGENCY, Intents.SELF_HARM, Intents.DOMESTIC_VIOLENCE,
            Intents.CHILD_ABUSE, Intents.SEXUAL_VIOLENCE, Intents.ONLINE_ABUSE, Intents.LEGAL_RIGHTS, Intents.LEGAL_AID,
            Intents.POLICE_REPORT, Intents.MEDICAL_HELP, Intents.COUNSELING, Intents.SHELTER, Intents.ONE_STOP_INFO,
            Intents.HOTLINE, Intents.ELDER_ABUSE, Intents.BEING_WATCHED, Intents.PRIVACY);

    /** What a turn should be understood as. */
    public record Expected(String intent, FollowUp followUp, boolean english, boolean cannotCall, boolean child) {

        static Expected parse(String spec, String where) {
            String[] tokens = spec.strip().split("\\s+");
            String intent = tokens[0];
            if (!ASK.equals(intent) && !Intents.ALL.contains(intent)) {
                throw new IllegalArgumentException(where + ": unknown intent " + intent);
            }
            FollowUp followUp = FollowUp.NONE;
            boolean english = false;
            boolean cannotCall = false;
            boolean child = false;
            for (int i = 1; i < tokens.length; i++) {
                switch (tokens[i]) {
                    case "en" -> english = true;
                    case "cannot_call" -> cannotCall = true;
                    case "child" -> child = true;
                    default -> {
                        try {
                            followUp = FollowUp.fromId(tokens[i]);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(where + ": unknown expectation " + tokens[i], e);
                        }
                    }
                }
            }
            return new Expected(intent, followUp, english, cannotCall, child);
        }

        String format() {
            StringBuilder out = new StringBuilder(intent);
            if (followUp != FollowUp.NONE) {
                out.append(' ').append(followUp.id());
            }
            if (english) {
                out.append(" en");
            }
            if (cannotCall) {
                out.append(" cannot_call");
            }
            if (child) {
                out.append(" child");
            }
            return out.toString();
        }
    }

    public record Turn(String text, Expected expected) {
    }

    public record Conversation(String title, List<Turn> turns) {
    }

    /** One played turn: what was expected, what the parse was, what the bot would have understood. */
    public record Played(Conversation conversation, int number, Turn turn, Parse parse, String understood) {

        public boolean intentRight() {
            return turn.expected().intent().equals(understood);
        }

        public boolean right() {
            Expected e = turn.expected();
            return intentRight() && e.followUp() == parse.followUp() && e.english() == parse.isEnglish()
                    && e.cannotCall() == parse.cannotCall() && e.child() == parse.childSpeaking();
        }

        public String got() {
            return new Expected(understood, parse.followUp(), parse.isEnglish(), parse.cannotCall(),
                    parse.childSpeaking()).format()
                    + String.format(Locale.ROOT, "  (parse %s %.2f%s)", parse.intent(), parse.confidence(),
                    parse.lowConfidence() ? " unsure" : "");
        }
    }

    private final List<Conversation> conversations;

    public ConversationSuite(List<Conversation> conversations) {
        this.conversations = List.copyOf(conversations);
    }

    public List<Conversation> conversations() {
        return conversations;
    }

    public static ConversationSuite read(List<String> lines, String source) {
        List<Conversation> out = new ArrayList<>();
        String title = null;
        List<Turn> turns = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFC);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("==")) {
                if (title != null) {
                    out.add(new Conversation(title, List.copyOf(turns)));
                }
                title = line.substring(2).strip();
                turns = new ArrayList<>();
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (title == null || tab <= 0) {
                throw new IllegalArgumentException(source + " line " + number
                        + ": a turn is text<TAB>expected, inside a conversation (== title)");
            }
            turns.add(new Turn(line.substring(0, tab).strip(),
                    Expected.parse(line.substring(tab + 1), source + " line " + number)));
        }
        if (title != null) {
            out.add(new Conversation(title, List.copyOf(turns)));
        }
        return new ConversationSuite(out);
    }

    /** Plays every conversation through {@code parser}, each from an empty context. */
    public Result play(Function<String, Parse> parser) {
        List<Played> played = new ArrayList<>();
        for (Conversation conversation : conversations) {
            String topic = null;
            for (int i = 0; i < conversation.turns().size(); i++) {
                Turn turn = conversation.turns().get(i);
                Parse parse = parser.apply(turn.text());
                String understood = understood(parse, topic);
                if (TOPICS.contains(understood)) {
                    topic = understood;
                }
                played.add(new Played(conversation, i + 1, turn, parse, understood));
            }
        }
        return new Result(played);
    }

    /** What the bot would take the turn to mean, given the current topic (null if none). */
    static String understood(Parse parse, String topic) {
        if (Intents.isCrisis(parse.intent()) && !parse.lowConfidence()) {
            return parse.intent();
        }
        if (parse.act() != DialogueAct.NONE) {
            return parse.act().intent();
        }
        if (!parse.lowConfidence()) {
            return parse.intent();
        }
        // "bao lâu", "ko goi dc": a follow-up question, or a person saying they cannot call, with no topic of its
        // own is about the topic of the conversation.
        if (parse.continuesTopic() && topic != null) {
            return topic;
        }
        return ASK;
    }

    /** The figures of one run. */
    public record Result(List<Played> turns) {

        private long count(java.util.function.Predicate<Played> p) {
            return turns.stream().filter(p).count();
        }

        private double share(java.util.function.Predicate<Played> p) {
            return turns.isEmpty() ? 0 : (double) count(p) / turns.size();
        }

        public double turnAccuracy() {
            return share(Played::right);
        }

        public double intentAccuracy() {
            return share(Played::intentRight);
        }

        /** Share of turns where the bot would ask. */
        public double clarifyRate() {
            return share(p -> ASK.equals(p.understood()));
        }

        /** Turns where the bot would ask although the meaning was plain. */
        public long needlessClarifications() {
            return count(p -> ASK.equals(p.understood()) && !ASK.equals(p.turn().expected().intent()));
        }

        /** Turns answered as a crisis that are not one. */
        public long falseCrises() {
            return count(p -> Intents.isCrisis(p.understood()) && !Intents.isCrisis(p.turn().expected().intent()));
        }

        /** Crisis turns not answered as a crisis. */
        public long missedCrises() {
            return count(p -> Intents.isCrisis(p.turn().expected().intent()) && !Intents.isCrisis(p.understood()));
        }

        public long followUpTurns() {
            return count(p -> p.turn().expected().followUp() != FollowUp.NONE);
        }

        public long followUpsRight() {
            return count(p -> p.turn().expected().followUp() != FollowUp.NONE
                    && p.turn().expected().followUp() == p.parse().followUp());
        }

        public long spuriousFollowUps() {
            return count(p -> p.turn().expected().followUp() == FollowUp.NONE && p.parse().followUp() != FollowUp.NONE);
        }

        public long englishTurns() {
            return count(p -> p.turn().expected().english());
        }

        public long languageWrong() {
            return count(p -> p.turn().expected().english() != p.parse().isEnglish());
        }

        public long conversationsRight() {
            Set<Conversation> wrong = new LinkedHashSet<>();
            turns.stream().filter(p -> !p.right()).forEach(p -> wrong.add(p.conversation()));
            return turns.stream().map(Played::conversation).distinct().count() - wrong.size();
        }

        public List<Played> failures() {
            return turns.stream().filter(p -> !p.right()).toList();
        }

        public String report() {
            long conversations = turns.stream().map(Played::conversation).distinct().count();
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "conversations          %d (%d entirely right)%n", conversations,
                    conversationsRight()));
            out.append(String.format(Locale.ROOT, "turns                  %d%n", turns.size()));
            out.append(String.format(Locale.ROOT, "turns right            %.3f  (intent, act, follow-up, language, cues)%n",
                    turnAccuracy()));
            out.append(String.format(Locale.ROOT, "understood right       %.3f  (the intent the bot would act on)%n",
                    intentAccuracy()));
            out.append(String.format(Locale.ROOT, "clarify rate           %.3f  (%d needless)%n", clarifyRate(),
                    needlessClarifications()));
            out.append(String.format(Locale.ROOT, "false crisis           %d%n", falseCrises()));
            out.append(String.format(Locale.ROOT, "missed crisis          %d%n", missedCrises()));
            out.append(String.format(Locale.ROOT, "follow-ups             %d of %d right, %d spurious%n",
                    followUpsRight(), followUpTurns(), spuriousFollowUps()));
            out.append(String.format(Locale.ROOT, "language               %d English turns, %d misjudged%n",
                    englishTurns(), languageWrong()));
            List<Played> failures = failures();
            out.append(String.format(Locale.ROOT, "%nturns not right (%d): conversation / turn: text -> expected | got%n",
                    failures.size()));
            for (Played p : failures) {
                out.append(String.format(Locale.ROOT, "%s / %d: %s -> %s | %s%n", p.conversation().title(), p.number(),
                        p.turn().text(), p.turn().expected().format(), p.got()));
            }
            return out.toString();
        }
    }
}
