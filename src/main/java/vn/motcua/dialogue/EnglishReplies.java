package vn.motcua.dialogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.motcua.knowledge.Answer;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.message.InboundContent;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.nlu.Parse;

/**
 * The last step of a turn written in English: each reply the policy chose becomes its English twin (the variant
 * {@code <name>_en} of the same file, same numbers, same sources), and a reply that has none becomes one English
 * sentence saying that the service works in Vietnamese and a caseworker can help, with 113 for danger. Everything
 * else the policy decided (escalations, erasure, what the conversation remembers) stays as it was. The language is
 * that of this one message: the next one, in Vietnamese, is answered in Vietnamese.
 */
final class EnglishReplies {

    /**
     * The answers that must have an English twin: the intents that matter most to someone who does not read
     * Vietnamese (issue 10), and the replies of the system those answers lead to. Start-up and reloads check them
     * ({@link RequiredAnswers}).
     */
    static final Set<AnswerName> REQUIRED = EnumSet.of(
            AnswerName.EMERGENCY, AnswerName.SELF_HARM, AnswerName.DOMESTIC_VIOLENCE, AnswerName.SEXUAL_VIOLENCE,
            AnswerName.CHILD_ABUSE, AnswerName.HOTLINE, AnswerName.HUMAN_AGENT, AnswerName.HUMAN_AGENT_ALREADY_WAITING,
            AnswerName.HUMAN_AGENT_NOBODY_ON_DUTY, AnswerName.HUMAN_AGENT_QUEUED, AnswerName.WAIT_ESTIMATE,
            AnswerName.WAIT_UNKNOWN, AnswerName.SHELTER, AnswerName.GREETING, AnswerName.THANKS_GOODBYE,
            AnswerName.DELETE_DATA_CONFIRM, AnswerName.DELETE_DATA_DONE, AnswerName.DELETE_DATA_DONE_WEBCHAT,
            AnswerName.DELETE_DATA_CANCELLED,
            AnswerName.DISCLOSURE, AnswerName.CLARIFY, AnswerName.OFFER_CASEWORKER, AnswerName.SAFE_TO_TALK,
            AnswerName.SAFE_YES, AnswerName.SAFE_NO, AnswerName.PLACE_NOTED);

    /** What an English message gets when the answer it asked for is written only in Vietnamese. */
    static final String VIETNAMESE_ONLY = "vietnamese_only" + AnswerBook.ENGLISH_SUFFIX;

    private final AnswerBook answers;

    EnglishReplies(AnswerBook answers) {
        this.answers = answers;
    }

    /** The English twin's variant name of an answer that must have one; empty for the others. */
    static Optional<String> requiredTwin(AnswerName name) {
        return REQUIRED.contains(name) ? Optional.of(name.variant() + AnswerBook.ENGLISH_SUFFIX) : Optional.empty();
    }

    /**
     * @param decision what the policy decided, in Vietnamese
     * @param content  what the person sent: the title of a button only English answers offer counts as English
     * @param parse    what the message meant, with its language; null when there was nothing to understand
     */
    Decision inLanguageOf(Decision decision, InboundContent content, Parse parse) {
        if (!writtenInEnglish(content, parse)) {
            return decision;
        }
        List<Action> actions = new ArrayList<>();
        boolean toldVietnameseOnly = false;
        for (Action action : decision.actions()) {
            if (!(action instanceof Action.Reply reply)) {
                actions.add(action);
            } else if (reply.answer().englishTwin() != null) {
                actions.add(new Action.Reply(reply.intent(), reply.variant(),
                        withButtons(reply.answer().englishTwin(), reply.answer())));
            } else if (!toldVietnameseOnly) {
                actions.add(new Action.Reply(AnswerBook.SYSTEM, VIETNAMESE_ONLY,
                        answers.get(AnswerBook.SYSTEM, VIETNAMESE_ONLY)));
                toldVietnameseOnly = true;
            }
        }
        return new Decision(decision.understood(), actions, decision.misunderstandings(), decision.place(),
                OfferedChoices.toRemember(actions, decision.offered()), decision.recorded());
    }

    private boolean writtenInEnglish(InboundContent content, Parse parse) {
        if (parse != null && parse.isEnglish()) {
            return true;
        }
        // Our intent buttons are understood without reading their title, so the title tells the language.
        if (content instanceof InboundContent.QuickReply reply) {
            return answers.isEnglishTitle(reply.text());
        }
        return content instanceof InboundContent.Postback postback && answers.isEnglishTitle(postback.title());
    }

    /**
     * The twin's own buttons; when it has none but the policy gave the Vietnamese answer some (the topics of a
     * question back), those that lead to an intent with an English label, under that label.
     */
    private Answer withButtons(Answer english, Answer vietnamese) {
        if (!english.quickReplies().isEmpty() || vietnamese.quickReplies().isEmpty()) {
            return english;
        }
        List<QuickReplyOption> options = new ArrayList<>();
        for (QuickReplyOption option : vietnamese.quickReplies()) {
            Payloads.intentOf(option.payload()).flatMap(answers::englishTopic)
                    .ifPresent(title -> options.add(new QuickReplyOption(title, option.payload())));
        }
        return english.withQuickReplies(options);
    }
}
