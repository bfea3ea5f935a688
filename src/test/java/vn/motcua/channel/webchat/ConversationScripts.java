package vn.motcua.channel.webchat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scripted conversations for the web chat, read from a plain text file that people who are not programmers can
 * extend (the format is explained at the top of {@code src/test/resources/conversations/webchat-conversations.txt}).
 * Each turn says what the person types and what the answer must contain, by its facts (numbers, key words), never
 * by its exact wording.
 */
final class ConversationScripts {

    private ConversationScripts() {
    }

    /** What a turn may or must be, beyond its facts. */
    enum Flag {
        /** Immediate danger: the first number in the answer is 113, the conversation is escalated CRITICAL. */
        DANGER("danger"),
        /** Self-harm or pills: a crisis answer (CRITICAL) that gives 115. */
        SELFHARM("selfharm"),
        /** A crisis answer is acceptable here (a turn that follows a crisis, or one that may be read as danger). */
        CRISIS_OK("crisis-ok"),
        /** Asking what the person meant is acceptable here (the message really is unclear). */
        UNCLEAR_OK("unclear-ok"),
        /** The answer is in English. */
        ENGLISH("english"),
        /** The answer is in Vietnamese. */
        VIETNAMESE("vietnamese"),
        /** The conversation is erased and the web chat session ends after this turn. */
        ERASED("erased"),
        /** Only there to set the scene: judged for safety, not counted in the figure. */
        CONTEXT("context");

        final String word;

        Flag(String word) {
            this.word = word;
        }

        static Flag of(String word, String where) {
            return Arrays.stream(values()).filter(f -> f.word.equals(word)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(where + ": unknown flag \"" + word + "\""));
        }
    }

    /**
     * What one turn's answer (all the messages the bot sends for it) must carry.
     *
     * @param says    every one of these must appear (phone numbers as numbers, words whatever their accents)
     * @param saysAny at least one of these must appear
     * @param never   none of these may appear
     * @param first   the first phone number in the answer, or null
     * @param buttons each must be the title (or payload) of a button under the answer
     */
    record Expectation(List<String> says, List<String> saysAny, List<String> never, String first,
                       List<String> buttons, Set<Flag> flags) {

        boolean has(Flag flag) {
            return flags.contains(flag);
        }

        /** A crisis answer is expected or allowed; otherwise one would be a false alarm. */
        boolean crisisAllowed() {
            return has(Flag.DANGER) || has(Flag.SELFHARM) || has(Flag.CRISIS_OK);
        }
    }

    /**
     * One thing the person does.
     *
     * @param text the words typed, or the title of the button tapped
     * @param tap  true for {@code > [title]}: tap the button with that title under the bot's last answer
     * @param line where the turn is in the file
     */
    record Turn(String text, boolean tap, Expectation expect, int line) {
    }

    record Script(String id, String title, List<Turn> turns, String file) {

        String name() {
            return id + " " + title;
        }
    }

    static List<Script> load(String resource) {
        try (InputStream in = ConversationScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Script> parse(String content, String file) {
        List<Script> scripts = new ArrayList<>();
        ScriptBuilder script = null;
        TurnBuilder turn = null;
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("===")) {
                if (script != null) {
                    scripts.add(script.build(turn));
                }
                turn = null;
                String header = line.substring(3).strip();
                int space = header.indexOf(' ');
                if (header.isEmpty()) {
                    throw new IllegalArgumentException(where + ": a conversation needs an id");
                }
                script = new ScriptBuilder(space < 0 ? header : header.substring(0, space),
                        space < 0 ? "" : header.substring(space + 1).strip(), file);
                continue;
            }
            if (script == null) {
                throw new IllegalArgumentException(where + ": start a conversation with \"=== id title\" first");
            }
            if (line.startsWith(">")) {
                if (turn != null) {
                    script.turns.add(turn.build());
                }
                String text = line.substring(1).strip();
                boolean tap = text.startsWith("[") && text.endsWith("]");
                turn = new TurnBuilder(tap ? text.substring(1, text.length() - 1).strip() : text, tap, i + 1);
                if (turn.text.isEmpty()) {
                    throw new IllegalArgumentException(where + ": a turn needs some text");
                }
                continue;
            }
            if (turn == null) {
                throw new IllegalArgumentException(where + ": an expectation before any \"> turn\"");
            }
            turn.read(line, where);
        }
        if (script != null) {
            scripts.add(script.build(turn));
        }
        List<String> ids = scripts.stream().map(Script::id).toList();
        for (String id : ids) {
            if (ids.indexOf(id) != ids.lastIndexOf(id)) {
                throw new IllegalArgumentException(file + ": two conversations are called " + id);
            }
        }
        return scripts;
    }

    private static final class ScriptBuilder {
        final String id;
        final String title;
        final String file;
        final List<Turn> turns = new ArrayList<>();

        ScriptBuilder(String id, String title, String file) {
            this.id = id;
            this.title = title;
            this.file = file;
        }

        Script build(TurnBuilder last) {
            if (last != null) {
                turns.add(last.build());
            }
            if (turns.isEmpty()) {
                throw new IllegalArgumentException(file + ": conversation " + id + " has no turns");
            }
            return new Script(id, title, List.copyOf(turns), file);
        }
    }

    private static final class TurnBuilder {
        final String text;
        final boolean tap;
        final int line;
        final List<String> says = new ArrayList<>();
        final List<String> saysAny = new ArrayList<>();
        final List<String> never = new ArrayList<>();
        final List<String> buttons = new ArrayList<>();
        final Set<Flag> flags = EnumSet.noneOf(Flag.class);
        String first;

        TurnBuilder(String text, boolean tap, int line) {
            this.text = text;
            this.tap = tap;
            this.line = line;
        }

        void read(String line, String where) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? null : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (key == null || !key.matches("[a-z-]+")) {
                for (String word : line.split("[\\s,]+")) {
                    flags.add(Flag.of(word.toLowerCase(Locale.ROOT), where));
                }
                return;
            }
            List<String> values = Arrays.stream(line.substring(colon + 1).split("\\|")).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                throw new IllegalArgumentException(where + ": \"" + key + ":\" needs a value");
            }
            switch (key) {
                case "says" -> says.addAll(values);
                case "says-any" -> saysAny.addAll(values);
                case "never" -> never.addAll(values);
                case "button" -> buttons.addAll(values);
                case "first" -> {
                    if (values.size() != 1 || !AnswerFacts.isNumber(values.get(0))) {
                        throw new IllegalArgumentException(where + ": \"first:\" takes one phone number");
                    }
                    first = values.get(0);
                }
                default -> throw new IllegalArgumentException(where + ": unknown key \"" + key + ":\"");
            }
        }

        Turn build() {
            Set<Flag> all = flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags);
            return new Turn(text, tap, new Expectation(List.copyOf(says), List.copyOf(saysAny), List.copyOf(never),
                    first, List.copyOf(buttons), all), line);
        }
    }
}
