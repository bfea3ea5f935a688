package vn.motcua.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import vn.motcua.content.AccentFolding;
import vn.motcua.knowledge.Answer;
import vn.motcua.nlu.Intents;

/**
 * What the bot said in its latest turn, read for what a short answer ("có", "ko", "thôi") refers to and for what
 * would be said twice in a row.
 */
final class LastTurn {

    /** The yes-or-no question a short answer answers, most specific first. */
    enum Question {
        /** "Bạn có muốn xóa toàn bộ cuộc trò chuyện này không?" */
        ERASE,
        /** "Bây giờ bạn có đang ở nơi an toàn để nói chuyện không?" */
        SAFE_TO_TALK,
        /** An answer that offers a caseworker: yes asks for one. */
        CASEWORKER,
        /** Nothing was asked. */
        NONE
    }

    private static final AnswerKey ERASE_CONFIRM = AnswerKey.of(AnswerName.DELETE_DATA_CONFIRM);
    private static final AnswerKey SAFE_TO_TALK = AnswerKey.of(AnswerName.SAFE_TO_TALK);

    private final List<AnswerKey> said;

    LastTurn(DialogueView view) {
        this.said = view.said().stream().map(AnswerKey::parse).toList();
    }

    boolean gave(AnswerKey key) {
        return said.contains(key);
    }

    /**
     * @param answer how a key reads (its text and buttons), to tell whether it offered a caseworker
     */
    Question asked(Function<AnswerKey, Answer> answer) {
        if (said.contains(ERASE_CONFIRM)) {
            return Question.ERASE;
        }
        if (said.contains(SAFE_TO_TALK)) {
            return Question.SAFE_TO_TALK;
        }
        return said.stream().anyMatch(key -> offersCaseworker(answer.apply(key))) ? Question.CASEWORKER : Question.NONE;
    }

    /**
     * An answer offers a caseworker when it says so and gives the button: "Bạn có muốn nói chuyện với nhân viên hỗ trợ
     * không?" with "Gặp nhân viên". Read from the content, so an answer reworded without the offer stops counting as one.
     */
    static boolean offersCaseworker(Answer answer) {
        boolean button = answer.quickReplies().stream()
                .anyMatch(q -> Payloads.forIntent(Intents.HUMAN_AGENT).equals(q.payload()));
        return button && AccentFolding.fold(answer.text().toLowerCase(Locale.ROOT)).contains("nhan vien");
    }
}
