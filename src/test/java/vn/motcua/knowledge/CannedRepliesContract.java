package vn.motcua.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What every {@link CannedReplies} source must give: the replies staff wrote, in their order, each complete. */
abstract class CannedRepliesContract {

    /** A source holding exactly these two replies: /chao "Chào" then /antoan "An toàn". */
    abstract CannedReplies twoReplies();

    @Test
    void theRepliesComeBackInTheOrderStaffWroteThem() {
        List<CannedReply> replies = twoReplies().all().block();
        assertThat(replies).extracting(CannedReply::shortcut).containsExactly("/chao", "/antoan");
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.id()).isNotBlank();
            assertThat(r.title()).isNotBlank();
            assertThat(r.text()).isNotBlank();
        });
    }
}
