package vn.motcua.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;
import vn.motcua.knowledge.Answer;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.nlu.FollowUp;
import vn.motcua.nlu.Intents;

/**
 * The answers the conversation's memory reaches, as staff wrote them: follow-ups where the policy looks for them,
 * the honest fallbacks offering a caseworker, the crisis short forms leading with their number, nobody told to shout,
 * and every legal statement with its source. One test lists every answer that breaks a rule.
 */
class DialogueContentTest {

    private static final AnswerBook ANSWERS = new AnswerBook(new ContentFiles(ContentProperties.of(null)));
    private static final Pattern SHOUT = Pattern.compile("(?i)kêu to|la to|hét lên|kêu cứu thật to");
    private static final Pattern LAW = Pattern.compile("Luật |Điều \\d|Nghị định|Bộ luật");

    @Test
    void theAnswersOfTheConversationsMemoryFollowTheRules() {
        List<String> problems = new ArrayList<>();
        ANSWERS.all().forEach((intent, variants) -> variants.forEach((variant, answer) -> {
            String where = intent + "/" + variant;
            if (SHOUT.matcher(answer.text()).find()) {
                problems.add(where + ": tells someone to shout (they may be hiding)");
            }
            if (LAW.matcher(answer.text()).find() && answer.sources().isEmpty()) {
                problems.add(where + ": a legal statement without a source");
            }
            AnswerKey key = new AnswerKey(intent, variant);
            String aspect = key.aspect();
            if (aspect != null && !AnswerKey.AGAIN.equals(aspect) && !AnswerBook.SYSTEM.equals(intent)) {
                if (!DialoguePolicy.FOLLOW_UP_TOPICS.contains(intent)) {
                    problems.add(where + ": a follow-up variant of a topic the policy never answers follow-ups for");
                }
                if (!AnswerKey.DEFAULT.equals(key.subject()) && !variants.containsKey(key.subject())) {
                    problems.add(where + ": narrows '" + key.subject() + "', which this file does not hold");
                }
            }
        }));
        for (FollowUp followUp : FollowUp.values()) {
            if (followUp == FollowUp.NONE) {
                continue;
            }
            Answer honest = ANSWERS.get(AnswerBook.SYSTEM, AnswerName.followUp(followUp.id()).variant());
            if (!LastTurn.offersCaseworker(honest)) {
                problems.add("system/follow_up_" + followUp.id() + ": does not offer a caseworker");
            }
        }
        for (AnswerName name : List.of(AnswerName.EMERGENCY_STAY, AnswerName.EMERGENCY_CANNOT_CALL)) {
            checkFirstLine(name, "113", problems);
        }
        for (AnswerName name : List.of(AnswerName.SELF_HARM_STAY, AnswerName.SELF_HARM_CANNOT_CALL)) {
            checkFirstLine(name, "115", problems);
        }
        for (AnswerName name : List.of(AnswerName.CANNOT_CALL, AnswerName.EMERGENCY_CANNOT_CALL)) {
            String text = ANSWERS.get(name.intent(), name.variant()).text();
            if (text.contains("114") || text.contains("1900")) {
                problems.add(name.label() + ": someone who cannot call gets a list of numbers");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void theTopicsThatAnswerFollowUpsAreIntents() {
        assertThat(Intents.ALL).containsAll(DialoguePolicy.FOLLOW_UP_TOPICS);
    }

    private static void checkFirstLine(AnswerName name, String number, List<String> problems) {
        String first = ANSWERS.get(name.intent(), name.variant()).text().lines().findFirst().orElse("");
        if (!first.contains(number)) {
            problems.add(name.label() + ": its first line does not give " + number);
        }
    }
}
