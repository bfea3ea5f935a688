package vn.motcua.nlu;

/**
 * Where a person says they are, so directory answers can list the nearest services first.
 *
 * @param district   an old HCMC district ("Quận 7", "Gò Vấp", "Thủ Đức", "Bình Chánh"), named or implied by a listed
 *                   ward; null when none
 * @param ward       a ward or commune as the person named it ("Phường Bến Thành", "Xã Củ Chi", "Phường 12"); null when
 *                   none
 * @param wardListed true when the ward is in the post-2025 list (src/main/resources/nlu/hcmc-wards-2025.tsv); false
 *                   when it was carried as written (an old numbered ward, or a name the list does not have)
 */
public record Location(String district, String ward, boolean wardListed) {

    /** "Phường Bến Thành, Quận 1", for operators and logs of evaluation runs (never with the message). */
    public String label() {
        if (ward == null) {
            return district;
        }
        return district == null ? ward : ward + ", " + district;
    }
}
