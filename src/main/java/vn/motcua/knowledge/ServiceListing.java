package vn.motcua.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes directory entries as short lines for a phone screen. Every doubt the directory records travels with the
 * line in a few words (an unconfirmed entry, an address from before July 2025, a 1900 number that may be charged),
 * so nothing unconfirmed is presented as certain; the full notes stay in the directory for caseworkers. In an
 * English answer those few words are English; names, addresses and labels stay as the directory has them, in
 * Vietnamese, which is what a person shows a driver or says on the phone.
 */
final class ServiceListing {

    /** The words the listing adds around the directory's own, in each language an answer is written in. */
    private record Wording(String oldAddress, String call, String free, String mayBeCharged, String unconfirmed) {
    }

    private static final Wording VIETNAMESE = new Wording(" (địa chỉ trước 07/2025)", ". Gọi ", ", miễn phí",
            " (có thể tính phí)", " Thông tin này chưa được xác nhận, bạn nên hỏi lại trước.");
    private static final Wording ENGLISH = new Wording(" (address before 07/2025)", ". Call ", ", free",
            " (may be charged)", " This information is not confirmed: please check it first.");

    private ServiceListing() {
    }

    /**
     * @param context text already shown around the list: a number it gives is not repeated, and a hotline entry
     *                that would only repeat a number is left out
     * @param english the answer is written in English
     */
    static String lines(List<ServiceEntry> entries, String context, boolean english) {
        Wording wording = english ? ENGLISH : VIETNAMESE;
        List<String> lines = new ArrayList<>();
        StringBuilder shown = new StringBuilder(context);
        for (ServiceEntry entry : entries) {
            List<ServiceEntry.Phone> fresh = entry.phones().stream()
                    .filter(p -> !shown.toString().contains(p.number())).toList();
            if (entry.address() == null && !entry.phones().isEmpty() && fresh.isEmpty()) {
                continue;
            }
            lines.add(line(entry, fresh, wording));
            fresh.forEach(p -> shown.append(' ').append(p.number()));
        }
        return String.join("\n", lines);
    }

    private static String line(ServiceEntry entry, List<ServiceEntry.Phone> phones, Wording wording) {
        StringBuilder line = new StringBuilder("• ");
        if (entry.address() == null && !phones.isEmpty() && entry.types().contains(ServiceType.HOTLINE)) {
            // A hotline is its number: lead with it.
            ServiceEntry.Phone phone = phones.get(0);
            line.append(phone.number()).append(": ").append(phone.label());
            appendHours(line, entry);
            appendCost(line, phone, wording);
        } else {
            line.append(entry.name());
            if (entry.address() != null) {
                line.append(", ").append(entry.address());
                if (entry.oldDistrict() != null) {
                    line.append(wording.oldAddress());
                }
            } else if (entry.oldDistrict() != null) {
                line.append(" (").append(entry.oldDistrict()).append(")");
            }
            appendHours(line, entry);
            for (ServiceEntry.Phone phone : phones) {
                line.append(wording.call()).append(phone.number());
                appendCost(line, phone, wording);
            }
        }
        line.append('.');
        if (!entry.confirmed()) {
            line.append(wording.unconfirmed());
        }
        return line.toString();
    }

    private static void appendHours(StringBuilder line, ServiceEntry entry) {
        if (entry.hours() != null && !line.toString().contains(entry.hours())) {
            line.append(", ").append(entry.hours());
        }
    }

    private static void appendCost(StringBuilder line, ServiceEntry.Phone phone, Wording wording) {
        if (Boolean.TRUE.equals(phone.free())) {
            line.append(wording.free());
        } else if (phone.dialable().startsWith("1900")) {
            line.append(wording.mayBeCharged());
        }
    }
}
