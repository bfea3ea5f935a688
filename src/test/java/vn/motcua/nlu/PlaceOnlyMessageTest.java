package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Saying where one is, after a list of services, is not a crisis; a danger phrase with a place still is. */
class PlaceOnlyMessageTest {

    private final MessageParser parser = TestNlu.get().parser();

    @Test
    void namingOnlyAPlaceIsNotForcedIntoACrisis() {
        for (String text : new String[] {"tôi ở Gò Vấp", "toi o go vap", "em ở quận 7"}) {
            Parse parse = parser.parse(text);
            assertThat(parse.location()).as(text).isNotNull();
            assertThat(Intents.isCrisis(parse.intent()) && !parse.lowConfidence()).as(text).isFalse();
        }
    }

    @Test
    void aDangerPhraseWithAPlaceIsStillACrisis() {
        Parse parse = parser.parse("cứu tôi với anh ta đang đánh tôi ở quận 7");
        assertThat(parse.intent()).isEqualTo(Intents.EMERGENCY);
        assertThat(parse.lowConfidence()).isFalse();
        assertThat(parse.location().district()).isEqualTo("Quận 7");
    }
}
