package vn.motcua.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.motcua.content.AccentFolding;

/**
 * Finds the place a message names: an old HCMC district in any common spelling ("quận 7", "q7", "Q.7", "quan 7",
 * "go vap", "Thủ Đức") and a ward or commune after "phường"/"p."/"xã" ("phường Bến Thành", "p7"). A ward in the
 * post-2025 list also gives its old district; a ward missing from the list is carried as written, unverified.
 *
 * <p>Like the safety lexicon, a word typed with accents must match the name's accents, so "nhà bé" (the child's
 * home) is not Nhà Bè; typed without accents it matches the folded name.
 */
public final class LocationExtractor {

    /** Finds nothing: for parsers built without location data. */
    public static final LocationExtractor NONE = new LocationExtractor(List.of(), List.of());

    static final String DISTRICTS = "nlu/hcmc-districts.tsv";
    static final String WARDS = "nlu/hcmc-wards-2025.tsv";

    private static final Set<String> DISTRICT_WORDS = Set.of("quan", "district", "huyen");
    private static final Set<String> PLACE_WORDS = Set.of("o", "tai", "gan", "quan", "huyen", "khu", "ben", "phia",
            "thanh", "pho", "tp", "ve", "tu", "den", "toi");
    /** Words that end a ward name carried as written ("phường linh trung quận thủ đức" → "Linh Trung"). */
    private static final Set<String> STOP_WORDS = Set.of("quan", "q", "huyen", "thanh", "tp", "o", "gan", "cua", "thi",
            "ma", "va", "voi", "nhe", "nha", "a", "em", "toi", "anh", "chi", "co", "khong", "bi", "dang", "la", "nay",
            "do", "roi", "minh", "con", "ne", "luon", "day", "nhung", "vi", "sao", "gi", "xa", "phuong", "p");
    private static final int MAX_WRITTEN_WARD_WORDS = 3;

    private record Name(String canonical, List<String> accented, List<String> folded, String alias, boolean ambiguous,
                        String district) {
    }

    private final List<Name> districts;
    private final List<Name> wards;

    private LocationExtractor(List<Name> districts, List<Name> wards) {
        this.districts = districts;
        this.wards = wards;
    }

    /** Loads both lists from the classpath (src/main/resources/nlu). */
    public static LocationExtractor load() {
        List<Name> districts = new ArrayList<>();
        for (String[] row : rows(DISTRICTS)) {
            boolean ambiguous = row.length > 3 && row[3].contains("ambiguous");
            districts.add(name(row[0], row[0], row.length > 2 ? row[2] : null, ambiguous, row[0]));
        }
        List<Name> wards = new ArrayList<>();
        for (String[] row : rows(WARDS)) {
            String type = row[0];
            String canonical = Character.toUpperCase(type.charAt(0)) + type.substring(1) + " " + row[1];
            String district = "TP.HCM".equals(row[3]) ? row[2] : null;
            wards.add(name(canonical, row[1], null, false, district));
        }
        // Longest names first, so "Tân Sơn Nhì" wins over "Tân Sơn".
        wards.sort(Comparator.comparingInt((Name n) -> -n.folded().size()));
        districts.sort(Comparator.comparingInt((Name n) -> -n.folded().size()));
        return new LocationExtractor(List.copyOf(districts), List.copyOf(wards));
    }

    /** The place the message names, or null. */
    public Location find(NormalizedText text) {
        String ward = null;
        String district = null;
        boolean listed = false;
        int size = text.folded().size();
        for (int i = 0; i < size && ward == null; i++) {
            if (isWardPrefix(text, i) && i + 1 < size) {
                Name known = matchAt(wards, text, i + 1);
                if (known != null) {
                    ward = known.canonical();
                    listed = true;
                    district = known.district();
                } else {
                    ward = writtenWard(text, i);
                }
            }
        }
        String named = namedDistrict(text);
        if (named != null) {
            district = named;
        }
        if (ward == null && district == null) {
            return null;
        }
        return new Location(district, ward, listed);
    }

    private String namedDistrict(NormalizedText text) {
        List<String> folded = text.folded();
        for (int i = 0; i < folded.size(); i++) {
            if (DISTRICT_WORDS.contains(folded.get(i)) && i + 1 < folded.size() && isDistrictNumber(folded.get(i + 1))) {
                return "Quận " + Integer.parseInt(folded.get(i + 1));
            }
        }
        for (int i = 0; i < folded.size(); i++) {
            Name name = matchAt(districts, text, i);
            if (name != null && (!name.ambiguous() || typedWithAccents(text, i) || afterPlaceWord(folded, i))) {
                return name.canonical();
            }
        }
        return null;
    }

    private static boolean isWardPrefix(NormalizedText text, int i) {
        String typed = text.accented().get(i);
        return typed.equals("phường") || typed.equals("p") || typed.equals("xã") || typed.equals("phuong")
                || typed.equals("xa");
    }

    /**
     * An old numbered ward ("phường 12", "p12") or, after "phường"/"xã" typed with accents, an unlisted name as
     * written. Folded "phuong" ("phương pháp"), "xa" (far) and "p" ("phải") are too common to carry a free name.
     */
    private String writtenWard(NormalizedText text, int prefix) {
        String typedPrefix = text.accented().get(prefix);
        String next = text.folded().get(prefix + 1);
        if (next.matches("\\d{1,2}")) {
            return (typedPrefix.startsWith("x") ? "Xã " : "Phường ") + Integer.parseInt(next);
        }
        if (!typedPrefix.equals("phường") && !typedPrefix.equals("xã")) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int i = prefix + 1; i < text.folded().size() && words.size() < MAX_WRITTEN_WARD_WORDS; i++) {
            if (STOP_WORDS.contains(text.folded().get(i)) || text.folded().get(i).matches("\\d+")
                    || matchAt(districts, text, i) != null) {
                break;
            }
            words.add(capitalize(text.accented().get(i)));
        }
        if (words.isEmpty()) {
            return null;
        }
        return (typedPrefix.equals("xã") ? "Xã " : "Phường ") + String.join(" ", words);
    }

    private static Name matchAt(List<Name> names, NormalizedText text, int start) {
        for (Name name : names) {
            if (name.alias() != null && text.folded().get(start).equals(name.alias())) {
                return name;
            }
            int n = name.folded().size();
            if (start + n > text.folded().size()) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < n && all; i++) {
                String typed = text.accented().get(start + i);
                String typedFolded = text.folded().get(start + i);
                all = typed.equals(name.accented().get(i))
                        || (typed.equals(typedFolded) && typedFolded.equals(name.folded().get(i)));
            }
            if (all) {
                return name;
            }
        }
        return null;
    }

    private static boolean typedWithAccents(NormalizedText text, int start) {
        return !text.accented().get(start).equals(text.folded().get(start));
    }

    private static boolean afterPlaceWord(List<String> folded, int i) {
        return i > 0 && PLACE_WORDS.contains(folded.get(i - 1));
    }

    private static boolean isDistrictNumber(String token) {
        if (!token.matches("\\d{1,2}")) {
            return false;
        }
        int number = Integer.parseInt(token);
        return number >= 1 && number <= 12;
    }

    private static Name name(String canonical, String spelled, String alias, boolean ambiguous, String district) {
        List<String> accented = List.of(spelled.toLowerCase(Locale.ROOT).split(" "));
        return new Name(canonical, accented, accented.stream().map(AccentFolding::fold).toList(), alias, ambiguous,
                district);
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = LocationExtractor.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            String text = Normalizer.normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8), Normalizer.Form.NFC);
            List<String[]> rows = new ArrayList<>();
            for (String line : text.split("\\R")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
