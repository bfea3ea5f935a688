package vn.motcua.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.dialogue.DialogueView;
import vn.motcua.message.Channel;

/** The dialogue's short memory, read from the stored turns: the topic and what the bot's latest turn said. */
class DialogueViewsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Turn person(String intent) {
        return new Turn(Speaker.PERSON, "sealed", intent, NOW);
    }

    private static Turn bot(String label) {
        return Turn.outgoing(Speaker.BOT, "sealed", label, NOW, "m-" + label);
    }

    @Test
    void theTopicIsTheLatestAnswerAboutATopicAndSaidIsTheBotsLatestTurn() {
        Conversation conversation = Conversation.start("c", Channel.WEBCHAT, "addr", NOW)
                .withTurn(person("legal_rights"))
                .withTurn(bot("legal_rights/no_contact"))
                .withTurn(person("police_report"))
                .withTurn(bot("legal_rights/no_contact_where"))
                .withTurn(bot("system/safe_to_talk"));
        DialogueView view = DialogueViews.of(conversation, false, DialogueView.Duty.ON_DUTY, false);
        assertThat(view.topic()).isEqualTo("legal_rights");
        assertThat(view.topicVariant()).isEqualTo("no_contact_where");
        assertThat(view.said()).containsExactly("legal_rights/no_contact_where", "system/safe_to_talk");
    }

    @Test
    void systemRepliesDoNotChangeTheTopicAndAnOwnAnswerHasTheDefaultVariant() {
        Conversation conversation = Conversation.start("c", Channel.WEBCHAT, "addr", NOW)
                .withTurn(person("hotline"))
                .withTurn(bot("hotline"))
                .withTurn(person(null))
                .withTurn(bot("system/clarify"));
        DialogueView view = DialogueViews.of(conversation, false, DialogueView.Duty.ON_DUTY, false);
        assertThat(view.topic()).isEqualTo("hotline");
        assertThat(view.topicVariant()).isEqualTo("default");
        assertThat(view.said()).containsExactly("system/clarify");
    }

    @Test
    void afterThePersonWroteAndNobodyAnsweredTheBotSaidNothing() {
        Conversation conversation = Conversation.start("c", Channel.WEBCHAT, "addr", NOW)
                .withTurn(bot("greeting"))
                .withTurn(person("hotline"));
        assertThat(DialogueViews.of(conversation, false, DialogueView.Duty.ON_DUTY, false).said()).isEmpty();
    }
}
