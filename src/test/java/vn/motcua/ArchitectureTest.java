package vn.motcua;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rooms of DESIGN §3 in their layers, and what each may import. A room may use only the rooms in its row (and
 * the JDK, Spring and third-party libraries); the rows only point to lower layers, so there are no cycles.
 *
 * <p>Two checks read the same table. ArchUnit reads the compiled classes and sees every real use, whatever the
 * import statements say. The compiler copies a {@code static final} String or number into the class that uses it,
 * so a use of only such a constant ({@code Payloads.ERASE_CONFIRM}) leaves no trace in the bytecode: the second check
 * reads the import lines of the sources.
 */
class ArchitectureTest {

    private static final String BASE = "vn.motcua";

    /** A room: its package (with subpackages) under {@value #BASE}, its layer, and the rooms it may import. */
    record Room(String name, int layer, Set<String> mayImport) {

        String packages() {
            return BASE + "." + name + "..";
        }

        @Override
        public String toString() {
            return name + " (layer " + layer + ") may import " + (mayImport.isEmpty() ? "no other room"
                    : String.join(", ", new TreeSet<>(mayImport)));
        }
    }

    /**
     * DESIGN §3's table, as improved in docs/architecture.md ("Differences from DESIGN §3"): a {@code fairness} room
     * below the inbox and the outbox, {@code privacy} for the rooms that store anything about a person, and
     * {@code content} for the dialogue's accent folding, {@code redis} (layer 0: key names, settings, the
     * connection) for the rooms whose ports have Redis adapters, {@code message} for the console (the channel and priority its
 * queue shows), {@code redis} and {@code privacy} for the console's Redis sessions and lockout (key prefix, HMAC of
 * the names in its keys). {@code channel} is every channel, {@code vn.motcua.channel}
     * being their shared code.
     */
    static final Map<String, Room> ROOMS = rooms(
            new Room("message", 0, Set.of()),
            new Room("privacy", 0, Set.of()),
            new Room("content", 0, Set.of()),
            new Room("fairness", 0, Set.of()),
            new Room("redis", 0, Set.of()),
            new Room("inbox", 1, Set.of("message", "privacy", "fairness", "redis")),
            new Room("outbox", 1, Set.of("message", "fairness", "redis", "privacy")),
            new Room("conversation", 1, Set.of("message", "privacy", "redis")),
            new Room("nlu", 1, Set.of("content")),
            new Room("knowledge", 1, Set.of("content", "message", "redis")),
            new Room("channel", 2, Set.of("message", "inbox", "outbox", "privacy", "redis")),
            new Room("dialogue", 2, Set.of("nlu", "knowledge", "message", "content")),
            new Room("handoff", 2, Set.of("conversation", "outbox", "message", "redis", "privacy")),
            new Room("campaign", 2, Set.of("conversation", "outbox", "message", "privacy", "redis")),
            new Room("bot", 3, Set.of("message", "privacy", "content", "fairness", "inbox", "outbox", "conversation",
                    "nlu", "knowledge", "dialogue", "handoff", "campaign", "redis")),
            new Room("console", 4, Set.of("handoff", "campaign", "conversation", "knowledge", "message", "redis",
                    "privacy")));

    /** The command line: it drives the library from outside, and only the application's main class starts it. */
    static final String CLI = "cli";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?(vn\\.motcua\\.([a-z]+)[\\w.*]*)\\s*;", Pattern.MULTILINE);

    private static Map<String, Room> rooms(Room... rooms) {
        Map<String, Room> byName = new LinkedHashMap<>();
        for (Room room : rooms) {
            byName.put(room.name(), room);
        }
        return byName;
    }

    static Stream<Room> rooms() {
        return ROOMS.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rooms")
    void eachRoomUsesOnlyTheRoomsItsRowAllows(Room room) {
        String[] allowed = Stream.concat(Stream.of(room.name()), room.mayImport().stream())
                .map(name -> ROOMS.get(name).packages()).toArray(String[]::new);
        classes().that().resideInAPackage(room.packages())
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(BASE + "..").or(resideInAnyPackage(allowed)))
                .because("DESIGN §3: " + room)
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rooms")
    void eachRoomsSourcesImportOnlyTheRoomsItsRowAllows(Room room) {
        List<String> violations = new ArrayList<>();
        sourcesOf(room.name()).forEach(file -> {
            Matcher imported = IMPORT.matcher(read(file));
            while (imported.find()) {
                String other = imported.group(2);
                if (!other.equals(room.name()) && !room.mayImport().contains(other)) {
                    violations.add("  " + SOURCES.relativize(file) + " imports " + imported.group(1));
                }
            }
        });
        if (!violations.isEmpty()) {
            fail(String.format("DESIGN §3: %s, but %d import lines break that:%n%s", room, violations.size(),
                    String.join(System.lineSeparator(), violations)));
        }
    }

    @Test
    void theChannelsUseNothingFromConversationDialogueOrKnowledge() {
        noClasses().that().resideInAPackage(BASE + ".channel..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".conversation..", BASE + ".dialogue..",
                        BASE + ".knowledge..")
                .because("a channel turns platform events into messages and messages into platform calls; the turn "
                        + "decides what to say (DESIGN §3)")
                .check(CLASSES);
    }

    @Test
    void nluUsesNothingFromKnowledge() {
        noClasses().that().resideInAPackage(BASE + ".nlu..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".knowledge..")
                .because("the content files both read live in content (DESIGN §3)")
                .check(CLASSES);
    }

    @Test
    void dialogueUsesNothingFromConversation() {
        noClasses().that().resideInAPackage(BASE + ".dialogue..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".conversation..")
                .because("the policy decides on its own view of the conversation (DESIGN §3)")
                .check(CLASSES);
    }

    @Test
    void onlyTheApplicationsMainClassUsesTheCommandLine() {
        noClasses().that().resideOutsideOfPackage(BASE + "." + CLI + "..")
                .and(not(resideInAPackage(BASE)))
                .should().dependOnClassesThat().resideInAPackage(BASE + "." + CLI + "..")
                .because("the command line drives the library from outside; no library code depends on it")
                .check(CLASSES);
        List<String> importing = new ArrayList<>();
        ROOMS.keySet().forEach(name -> sourcesOf(name).filter(file -> read(file).contains("import " + BASE + "." + CLI + "."))
                .forEach(file -> importing.add(SOURCES.relativize(file).toString())));
        assertThat(importing).as("library sources that import the command line").isEmpty();
    }

    @Test
    void theTopLevelRoomsHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyPackageIsARoomOfTheTableAndEveryRowPointsOnlyToLowerLayers() {
        Set<String> packages = new TreeSet<>();
        CLASSES.forEach(c -> {
            String name = c.getPackageName();
            if (name.startsWith(BASE + ".")) {
                packages.add(name.substring(BASE.length() + 1).split("\\.")[0]);
            }
        });
        Set<String> known = new TreeSet<>(ROOMS.keySet());
        known.add(CLI);
        assertThat(packages).as("top-level packages under %s; a new one needs its row in DESIGN §3 and here", BASE)
                .isSubsetOf(known);
        ROOMS.values().forEach(room -> room.mayImport().forEach(other -> assertThat(ROOMS.get(other).layer())
                .as("%s imports %s", room.name(), other).isLessThan(room.layer())));
    }

    private static Stream<Path> sourcesOf(String room) {
        Path dir = SOURCES.resolve(BASE.replace('.', '/')).resolve(room);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
