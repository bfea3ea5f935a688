package vn.motcua.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an answer's name is written on the transcript and read back: subject and aspect. */
class AnswerKeyTest {

    @Test
    void aLabelIsTheIntentForItsOwnAnswerAndIntentSlashVariantOtherwise() {
        assertThat(AnswerKey.of("hotline").label()).isEqualTo("hotline");
        assertThat(new AnswerKey("legal_rights", "no_contact").label()).isEqualTo("legal_rights/no_contact");
        assertThat(AnswerKey.parse("legal_rights/no_contact_where")).isEqualTo(new AnswerKey("legal_rights", "no_contact_where"));
        assertThat(AnswerKey.parse("hotline")).isEqualTo(new AnswerKey("hotline", "default"));
    }

    @Test
    void aVariantIsASubjectNarrowedToAnAspect() {
        AnswerKey where = new AnswerKey("legal_rights", "no_contact_where");
        assertThat(where.subject()).isEqualTo("no_contact");
        assertThat(where.aspect()).isEqualTo("where");
        assertThat(where.about("how_long").variant()).isEqualTo("no_contact_how_long");
        assertThat(where.again().variant()).isEqualTo("no_contact_again");
        AnswerKey cost = new AnswerKey("legal_aid", "cost");
        assertThat(cost.subject()).isEqualTo("default");
        assertThat(cost.about("where").variant()).isEqualTo("where");
        assertThat(AnswerKey.of("hotline").again().variant()).isEqualTo("again");
        assertThat(new AnswerKey("emergency", "cannot_call").aspect()).isNull();
        assertThat(new AnswerKey("legal_rights", "divorce_custody_for_child").subject()).isEqualTo("divorce_custody");
    }
}
