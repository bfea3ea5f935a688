package vn.motcua.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;

/** Answers that list services are built from the directory, nearest first, with their caveats and sources. */
class AnswerComposerTest {

    private final ContentFiles content = new ContentFiles(ContentProperties.of(null));
    private final ServiceDirectory directory = new ServiceDirectory(content);
    private final AnswerComposer composer = new AnswerComposer(directory);
    private final AnswerBook answers = new AnswerBook(content);

    @Test
    void legalAidInDistrict10ListsTheCitysLegalAidCentreFirst() {
        List<ServiceEntry> entries = composer.entries(answers.get("legal_aid", "default").services(), "Quận 10");
        assertThat(entries.get(0).id()).isEqualTo("tro-giup-phap-ly-tphcm");
        String text = composer.compose(answers.get("legal_aid", "default"), "Quận 10").text();
        assertThat(text).contains("470 Nguyễn Tri Phương").contains("chưa được xác nhận");
    }

    @Test
    void aShelterNearGoVapListsTheGoVapSocialWorkCentreFirst() {
        Answer answer = composer.compose(answers.get("shelter", "default"), "Gò Vấp");
        String firstListed = answer.text().lines().filter(l -> l.startsWith("• ")).findFirst().orElseThrow();
        assertThat(firstListed).contains("14 Nguyễn Văn Bảo").contains("Gò Vấp");
        assertThat(answer.sources()).anyMatch(s -> s.contains("tuoitre.vn") || s.contains("un.org"));
    }

    @Test
    void aPlaceWithNoLocalServiceFallsBackToCityWideOnes() {
        List<ServiceEntry> inCuChi = composer.entries(answers.get("hotline", "all").services(), "Củ Chi");
        assertThat(inCuChi).isNotEmpty().allSatisfy(e -> assertThat(e.oldDistrict()).isNull());
        List<ServiceEntry> oneStopInCuChi = composer.entries(answers.get("one_stop_info", "default").services(), "Củ Chi");
        assertThat(oneStopInCuChi).extracting(ServiceEntry::id).contains("hung-vuong-one-stop");
    }

    @Test
    void oneStopPointsInThePersonsDistrictComeFirst() {
        List<ServiceEntry> inBinhChanh = composer.entries(answers.get("one_stop_info", "default").services(), "Bình Chánh");
        assertThat(inBinhChanh.get(0).id()).isEqualTo("nhi-dong-thanh-pho-one-stop");
    }

    @Test
    void anUnconfirmedNumberIsNeverListedWithoutItsCaveat() {
        String hotlines = composer.compose(answers.get("hotline", "all"), null).text();
        String line = hotlines.lines().filter(l -> l.contains("1900 969 680")).findFirst().orElseThrow();
        assertThat(line).contains("chưa được xác nhận");
    }

    @Test
    void aNumberTheAnswerAlreadyGivesIsNotRepeated() {
        String text = composer.compose(answers.get("child_abuse", "default"), null).text();
        assertThat(text.split("1900 54 55 59", -1)).hasSizeLessThanOrEqualTo(2);
        assertThat(text.split("\\b111\\b", -1).length - 1).isEqualTo(1);
    }
}
