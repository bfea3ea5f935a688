package vn.motcua.bot;

import org.springframework.stereotype.Component;

import vn.motcua.dialogue.AnswerName;
import vn.motcua.handoff.BotLines;
import vn.motcua.knowledge.Answer;
import vn.motcua.knowledge.AnswerBook;

/** What the bot says when a caseworker gives a conversation back, from the answer files. */
@Component
class AnswerBotLines implements BotLines {

    private final AnswerBook answers;

    AnswerBotLines(AnswerBook answers) {
        this.answers = answers;
    }

    @Override
    public Line backWithBot() {
        AnswerName name = AnswerName.WELCOME_BACK;
        Answer answer = answers.get(name.intent(), name.variant());
        return new Line(name.intent(), answer.text(), answer.quickReplies());
    }
}
