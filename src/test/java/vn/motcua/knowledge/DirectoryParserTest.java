package vn.motcua.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A directory entry that cannot be trusted stops start-up, and staff are told the file and the line. */
class DirectoryParserTest {

    private static final String GOOD = """
            # test entries
            - id: test-hotline
              name: "Tổng đài thử"
              types: [hotline, child_protection]
              phones:
                - number: "111"
                  label: "Tổng đài quốc gia bảo vệ trẻ em"
                  free: true
              address: null
              old_district: null
              ward_2025: null
              scope: national
              hours: "24/7"
              cost: "miễn phí"
              serves: "Trẻ em"
              source: "https://example.org/a"
              sources: ["https://example.org/a"]
              verified_on: 2026-11-29
              confirmed: true
            """;

    private static List<ServiceEntry> parse(String text) {
        return new DirectoryParser("test.yml").parse(text);
    }

    @Test
    void aGoodEntryIsReadWithEveryField() {
        ServiceEntry entry = parse(GOOD).get(0);
        assertThat(entry.id()).isEqualTo("test-hotline");
        assertThat(entry.types()).containsExactlyInAnyOrder(ServiceType.HOTLINE, ServiceType.CHILD_PROTECTION);
        assertThat(entry.phones()).containsExactly(new ServiceEntry.Phone("111", "Tổng đài quốc gia bảo vệ trẻ em", true));
        assertThat(entry.verifiedOn()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(entry.confirmed()).isTrue();
        assertThat(entry.address()).isNull();
    }

    @Test
    void aMissingSourceIsRejectedNamingFileAndLine() {
        String broken = GOOD.replace("  source: \"https://example.org/a\"\n", "");
        assertThatThrownBy(() -> parse(broken))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessageContaining("directory-data/test.yml line 2").hasMessageContaining("source");
    }

    @Test
    void aMissingVerificationDateIsRejected() {
        assertThatThrownBy(() -> parse(GOOD.replace("2026-11-29", "hôm qua")))
                .hasMessageContaining("test.yml line 18").hasMessageContaining("verified_on");
    }

    @Test
    void aPhoneThatIsNotANumberIsRejectedAtItsLine() {
        assertThatThrownBy(() -> parse(GOOD.replace("number: \"111\"", "number: \"gọi ngay\"")))
                .hasMessageContaining("test.yml line 6").hasMessageContaining("not a number");
    }

    @Test
    void anUnknownServiceTypeOrFieldOrDistrictIsRejected() {
        assertThatThrownBy(() -> parse(GOOD.replace("[hotline, child_protection]", "[hotline, spa]")))
                .hasMessageContaining("line 4").hasMessageContaining("spa");
        assertThatThrownBy(() -> parse(GOOD.replace("  hours:", "  opening:")))
                .hasMessageContaining("line 13").hasMessageContaining("opening");
        assertThatThrownBy(() -> parse(GOOD.replace("old_district: null", "old_district: \"Quận 99\"")))
                .hasMessageContaining("line 10").hasMessageContaining("Quận 99");
    }

    @Test
    void brokenYamlIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parse(GOOD + "- id: [unclosed\n"))
                .isInstanceOf(DirectoryFormatException.class).hasMessageContaining("test.yml line");
    }

    @Test
    void theSameIdInTwoFilesIsRejected() {
        assertThatThrownBy(() -> ServiceDirectory.load(Map.of("a.yml", GOOD, "b.yml", GOOD)))
                .hasMessageContaining("test-hotline").hasMessageContaining("also used in");
    }

    @Test
    void servicesInThePersonsDistrictComeFirstThenCityWide() {
        String local = GOOD.replace("test-hotline", "go-vap-shelter").replace("[hotline, child_protection]", "[shelter]")
                .replace("old_district: null", "old_district: \"Gò Vấp\"").replace("scope: national", "scope: district");
        String city = GOOD.replace("test-hotline", "city-shelter").replace("[hotline, child_protection]", "[shelter]")
                .replace("scope: national", "scope: city");
        String other = local.replace("go-vap-shelter", "q7-shelter").replace("Gò Vấp", "Quận 7");
        ServiceDirectory directory = new ServiceDirectory(ServiceDirectory.load(Map.of("a.yml", local + other.substring(other.indexOf("- id")), "b.yml", city)));

        assertThat(directory.find(ServiceType.SHELTER, "Gò Vấp")).extracting(ServiceEntry::id)
                .containsExactly("go-vap-shelter", "city-shelter", "q7-shelter");
        assertThat(directory.find(ServiceType.SHELTER, "Quận 7")).extracting(ServiceEntry::id).first().isEqualTo("q7-shelter");
        assertThat(directory.find(ServiceType.SHELTER, "Củ Chi")).extracting(ServiceEntry::id).first().isEqualTo("city-shelter");
    }
}
