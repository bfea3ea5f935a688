package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationExtractorTest {

    private static final Nlu NLU = TestNlu.get();

    private static Location find(String text) {
        return NLU.locations().find(NLU.normalizer().normalize(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"em ở quận 7", "e o q7", "nhà ở Q.7 ạ", "quan 7", "mình ở q 7", "Q7", "QUẬN 7 nha",
            "nha o district 7"})
    void readsANumberedDistrictInEveryCommonSpelling(String text) {
        assertThat(find(text)).isEqualTo(new Location("Quận 7", null, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gần Gò Vấp|Gò Vấp",
            "o go vap|Gò Vấp",
            "nhà ở govap|Gò Vấp",
            "mình ở Bình Thạnh|Bình Thạnh",
            "binh thanh|Bình Thạnh",
            "tân bình|Tân Bình",
            "tan phu|Tân Phú",
            "Phú Nhuận|Phú Nhuận",
            "bình tân|Bình Tân",
            "Thủ Đức|Thủ Đức",
            "tp thu duc|Thủ Đức",
            "huyện Bình Chánh|Bình Chánh",
            "cu chi|Củ Chi",
            "Hóc Môn|Hóc Môn",
            "o hoc mon|Hóc Môn",
            "Nhà Bè|Nhà Bè",
            "huyen nha be|Nhà Bè",
            "Cần Giờ|Cần Giờ",
            "quận 12|Quận 12",
            "q1|Quận 1"})
    void readsOldDistrictsWithAndWithoutAccents(String text, String district) {
        assertThat(find(text).district()).isEqualTo(district);
    }

    @ParameterizedTest
    @ValueSource(strings = {"con hoc mon toan kem lam", "về nhà bé thì bị đánh", "quận 13", "con tôi 7 tuổi",
            "gọi 113", "chồng tôi đánh tôi"})
    void findsNoPlaceWhereNoneIsNamed(String text) {
        assertThat(find(text)).isNull();
    }

    @Test
    void readsAListedPostMergerWardAndItsOldDistrict() {
        assertThat(find("em ở phường Bến Thành")).isEqualTo(new Location("Quận 1", "Phường Bến Thành", true));
        assertThat(find("p ben thanh")).isEqualTo(new Location("Quận 1", "Phường Bến Thành", true));
        assertThat(find("phuong tan son nhi")).isEqualTo(new Location("Tân Phú", "Phường Tân Sơn Nhì", true));
        assertThat(find("xã Bình Chánh")).isEqualTo(new Location("Bình Chánh", "Xã Bình Chánh", true));
    }

    @Test
    void carriesAnUnlistedWardAsWritten() {
        assertThat(find("nhà em ở phường Linh Trung, thủ đức"))
                .isEqualTo(new Location("Thủ Đức", "Phường Linh Trung", false));
        assertThat(find("phường 12 quận 5")).isEqualTo(new Location("Quận 5", "Phường 12", false));
        assertThat(find("p7 q8")).isEqualTo(new Location("Quận 8", "Phường 7", false));
    }

    @Test
    void doesNotTakeEverydayWordsForAWardWhenTypedWithoutAccents() {
        assertThat(find("phuong phap nao tot")).isNull();
        assertThat(find("p lam sao bay gio")).isNull();
        assertThat(find("o xa qua")).isNull();
    }

    @Test
    void theParseCarriesTheLocation() {
        Parse parse = NLU.parser().parse("mình ở q.7, có nhà tạm lánh nào gần ko");
        assertThat(parse.location()).isEqualTo(new Location("Quận 7", null, false));
        assertThat(parse.location().label()).isEqualTo("Quận 7");
    }
}
