package vn.motcua.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Completes an answer that lists services: the entries come from the directory, nearest to the person first, so
 * that no service is ever written by hand in an answer, and their sources travel with the answer.
 */
@Component
public class AnswerComposer {

    private final ServiceDirectory directory;

    public AnswerComposer(ServiceDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param oldDistrict the district the person named ("Gò Vấp"), or null: then city-wide services come first
     */
    public Answer compose(Answer answer, String oldDistrict) {
        // The English twin lists the same services for the same place, so both say the same facts.
        Answer twin = answer.englishTwin() == null ? null : compose(answer.englishTwin(), oldDistrict);
        if (answer.services() == null) {
            return twin == answer.englishTwin() ? answer : answer.withEnglishTwin(twin);
        }
        List<ServiceEntry> entries = entries(answer.services(), oldDistrict);
        String listing = ServiceListing.lines(entries, answer.text(), answer.english());
        String text = answer.text().contains(Answer.SERVICES_PLACEHOLDER)
                ? answer.text().replace(Answer.SERVICES_PLACEHOLDER, listing)
                : answer.text() + "\n" + listing;
        LinkedHashSet<String> sources = new LinkedHashSet<>(answer.sources());
        entries.forEach(e -> sources.addAll(e.sources()));
        return new Answer(text.strip(), answer.quickReplies(), new ArrayList<>(sources), answer.services(),
                answer.english(), twin);
    }

    /** The entries an answer lists: for each type in order, nearest first, without repeats, up to the limit. */
    public List<ServiceEntry> entries(ServiceQuery query, String oldDistrict) {
        Map<String, ServiceEntry> chosen = new LinkedHashMap<>();
        for (ServiceType type : query.types()) {
            for (ServiceEntry entry : directory.find(type, oldDistrict)) {
                if (chosen.size() < query.limit()) {
                    chosen.putIfAbsent(entry.id(), entry);
                }
            }
        }
        return List.copyOf(chosen.values());
    }
}
