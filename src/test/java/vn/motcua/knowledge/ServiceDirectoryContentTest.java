package vn.motcua.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;

/** The directory people are given: every entry sourced and dated, every doubt written down. */
class ServiceDirectoryContentTest {

    private final ServiceDirectory directory = new ServiceDirectory(new ContentFiles(ContentProperties.of(null)));

    @Test
    void everyEntryHasASourceAndTheDateItWasVerified() {
        assertThat(directory.all()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.source()).as(entry.id()).startsWith("http");
            assertThat(entry.verifiedOn()).as(entry.id()).isBeforeOrEqualTo(LocalDate.now());
        });
    }

    @Test
    void everyUnconfirmedEntrySaysWhatIsNotConfirmed() {
        assertThat(directory.all()).filteredOn(e -> !e.confirmed())
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.note()).as(entry.id()).containsAnyOf("chưa được xác nhận", "kiểm tra", "hỏi lại"));
    }

    @Test
    void everySourceIsOneOfTheResearchedSources() throws IOException {
        Path facts = Path.of("../shared/reference/facts-vietnam.md");
        if (!Files.exists(facts)) {
            facts = Path.of("../../shared/reference/facts-vietnam.md");
        }
        String text = Files.exists(facts) ? Files.readString(facts) : null;
        org.junit.jupiter.api.Assumptions.assumeTrue(text != null, "shared/reference is not beside this checkout");
        assertThat(directory.all()).allSatisfy(entry -> entry.sources()
                .forEach(source -> assertThat(text).as(entry.id()).contains(source)));
    }

    @Test
    void theEmergencyNumbersAreThere() {
        assertThat(directory.all()).flatExtracting(ServiceEntry::phones).extracting(ServiceEntry.Phone::number)
                .contains("113", "115", "111");
    }

    @Test
    void theCityShelterIsTheGoVapSocialWorkCentre() {
        assertThat(directory.find(ServiceType.SHELTER, "Gò Vấp").get(0).oldDistrict()).isEqualTo("Gò Vấp");
    }
}
