package vn.motcua.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One service in the directory, exactly as staff entered it with its source. Fields a source does not give are
 * null, never guessed.
 *
 * @param oldDistrict the pre-July-2025 district ("Quận 5", "Gò Vấp"), or null for city-wide and national services
 * @param ward2025    the post-2025 ward when a source gives it, else null
 * @param scope       {@code city}, {@code district} or {@code national}
 * @param note        a caveat shown with the entry (old address, unconfirmed hours or cost), or null
 * @param confirmed   false when the source marks a key fact as unconfirmed: then it is never presented as certain
 */
public record ServiceEntry(String id, String name, Set<ServiceType> types, List<Phone> phones, String address,
                           String oldDistrict, String ward2025, String scope, String hours, String cost, String serves,
                           String note, String source, List<String> sources, LocalDate verifiedOn, boolean confirmed) {

    /**
     * A phone number with what it is for.
     *
     * @param free true or false when the source says so, null when unknown
     */
    public record Phone(String number, String label, Boolean free) {

        /** Digits only, for a call button ("1900 54 55 59" → "1900545559"). */
        public String dialable() {
            return number.replaceAll("[^0-9+]", "");
        }
    }

    public ServiceEntry {
        types = Set.copyOf(types);
        phones = List.copyOf(phones);
        sources = List.copyOf(sources);
    }

    public boolean isCityWide() {
        return oldDistrict == null;
    }
}
