package vn.motcua.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes directory entries as short lines for a phone screen. Every doubt the directory records travels with the
 * line in a few words (an unconfirmed entry, an address from before July 2025, a 1900 number that may be charged),
 * so nothing unconfirmed is presented as certain; the full notes stay in the directory for caseworkers.
 */
final class ServiceListing {

    private ServiceListing() {
    }

    /**
     * @param context text already shown around the list: a number it gives is not repeated, and a hotline entry
     *                that would only repeat a number is left out
     */
    static String lines(List<ServiceEntry> entries, String context) {
        List<String> lines = new ArrayList<>();
        StringBuilder shown = new StringBuilder(context);
        for (ServiceEntry entry : entries) {
            List<ServiceEntry.Phone> fresh = entry.phones().stream()
                    .filter(p -> !shown.toString().contains(p.number())).toList();
            if (entry.address() == null && !entry.phones().isEmpty() && fresh.isEmpty()) {
                continue;
            }
            lines.add(line(entry, fresh));
            fresh.forEach(p -> shown.append(' ').append(p.number()));
        }
        return String.join("\n", lines);
    }

    private static String line(ServiceEntry entry, List<ServiceEntry.Phone> phones) {
        StringBuilder line = new StringBuilder("• ");
        if (entry.address() == null && !phones.isEmpty() && entry.types().contains(ServiceType.HOTLINE)) {
            // A hotline is its number: lead with it.
            ServiceEntry.Phone phone = phones.get(0);
            line.append(phone.number()).append(": ").append(phone.label());
            appendHours(line, entry);
            appendCost(line, phone);
        } else {
            line.append(entry.name());
            if (entry.address() != null) {
                line.append(", ").append(entry.address());
                if (entry.oldDistrict() != null) {
                    line.append(" (địa chỉ trước 07/2025)");
                }
            } else if (entry.oldDistrict() != null) {
                line.append(" (").append(entry.oldDistrict()).append(")");
            }
            appendHours(line, entry);
            for (ServiceEntry.Phone phone : phones) {
                line.append(". Gọi ").append(phone.number());
                appendCost(line, phone);
            }
        }
        line.append('.');
        if (!entry.confirmed()) {
            line.append(" Thông tin này chưa được xác nhận, bạn nên hỏi lại trước.");
        }
        return line.toString();
    }

    private static void appendHours(StringBuilder line, ServiceEntry entry) {
        if (entry.hours() != null && !line.toString().contains(entry.hours())) {
            line.append(", ").append(entry.hours());
        }
    }

    private static void appendCost(StringBuilder line, ServiceEntry.Phone phone) {
        if (Boolean.TRUE.equals(phone.free())) {
            line.append(", miễn phí");
        } else if (phone.dialable().startsWith("1900")) {
            line.append(" (có thể tính phí)");
        }
    }
}
