package vn.motcua.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.motcua.content.ContentFiles;

/**
 * The service directory loaded from {@code directory-data/*.yml}: every entry with its source and the date it was
 * verified. Answers that list services are built from here, never written by hand. A malformed entry stops
 * start-up with the file and the line.
 */
@Component
public class ServiceDirectory {

    private static final Logger log = LoggerFactory.getLogger(ServiceDirectory.class);

    private volatile List<ServiceEntry> entries;

    @Autowired
    public ServiceDirectory(ContentFiles files) {
        this(load(files.directoryFiles()));
    }

    ServiceDirectory(List<ServiceEntry> entries) {
        replace(entries);
    }

    void replace(List<ServiceEntry> next) {
        this.entries = List.copyOf(next);
        log.info("Service directory loaded: {} entries, {} confirmed", next.size(),
                next.stream().filter(ServiceEntry::confirmed).count());
    }

    static List<ServiceEntry> load(Map<String, String> files) {
        List<ServiceEntry> all = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        files.forEach((file, text) -> {
            for (ServiceEntry entry : new DirectoryParser(file).parse(text)) {
                String other = seen.putIfAbsent(entry.id(), file);
                if (other != null) {
                    int line = lineOf(text, "id: " + entry.id());
                    throw new DirectoryFormatException(file, line, "id '" + entry.id() + "' is also used in " + other);
                }
                all.add(entry);
            }
        });
        return all;
    }

    public List<ServiceEntry> all() {
        return entries;
    }

    public Optional<ServiceEntry> byId(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * Services of a type, nearest first: those in the person's old district, then city-wide and national ones, then
     * those in other districts. Confirmed entries come before unconfirmed ones within each group.
     *
     * @param oldDistrict the district the person named ("Gò Vấp", "Quận 10"), or null
     */
    public List<ServiceEntry> find(ServiceType type, String oldDistrict) {
        return entries.stream()
                .filter(e -> e.types().contains(type))
                .sorted(Comparator.comparingInt((ServiceEntry e) -> distance(e, oldDistrict))
                        .thenComparing(e -> !e.confirmed()))
                .toList();
    }

    private static int distance(ServiceEntry entry, String oldDistrict) {
        if (oldDistrict != null && oldDistrict.equals(entry.oldDistrict())) {
            return 0;
        }
        return entry.isCityWide() || "city".equals(entry.scope()) || "national".equals(entry.scope()) ? 1 : 2;
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 1;
    }
}
