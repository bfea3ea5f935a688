package vn.motcua.knowledge;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one {@code directory-data/*.yml} file and checks every entry strictly, because a wrong number or a missing
 * source must never reach a person. Every problem names the file and the line of the entry or field.
 */
final class DirectoryParser {

    static final Set<String> OLD_DISTRICTS = Set.of("Quận 1", "Quận 2", "Quận 3", "Quận 4", "Quận 5", "Quận 6",
            "Quận 7", "Quận 8", "Quận 9", "Quận 10", "Quận 11", "Quận 12", "Bình Thạnh", "Gò Vấp", "Phú Nhuận",
            "Tân Bình", "Tân Phú", "Bình Tân", "Thủ Đức", "Bình Chánh", "Củ Chi", "Hóc Môn", "Nhà Bè", "Cần Giờ");

    private static final Set<String> REQUIRED = Set.of("id", "name", "types", "phones", "address", "old_district",
            "ward_2025", "scope", "hours", "cost", "serves", "source", "sources", "verified_on", "confirmed");
    private static final Set<String> OPTIONAL = Set.of("note");
    private static final Set<String> SCOPES = Set.of("city", "district", "national");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 .]{1,18}[0-9]");

    private final String file;

    DirectoryParser(String file) {
        this.file = file;
    }

    List<ServiceEntry> parse(String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new DirectoryFormatException(file, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new DirectoryFormatException(file, 1, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            throw new DirectoryFormatException(file, line(root), "expected a list of entries, each starting with '- id:'");
        }
        List<ServiceEntry> entries = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                throw new DirectoryFormatException(file, line(item), "an entry must be a set of 'key: value' lines");
            }
            entries.add(entry(mapping));
        }
        return entries;
    }

    private ServiceEntry entry(MappingNode mapping) {
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                throw new DirectoryFormatException(file, line(tuple.getKeyNode()), "unknown field '" + key + "'");
            }
            fields.put(key, tuple.getValueNode());
        }
        for (String key : REQUIRED) {
            if (!fields.containsKey(key)) {
                throw new DirectoryFormatException(file, line(mapping), "the entry has no '" + key + "' (write null if unknown)");
            }
        }
        String id = required(fields, "id");
        if (!ID.matcher(id).matches()) {
            throw problem(fields, "id", "id '" + id + "' must be lowercase letters, digits and '-'");
        }
        String scope = required(fields, "scope");
        if (!SCOPES.contains(scope)) {
            throw problem(fields, "scope", "scope must be one of " + SCOPES);
        }
        String oldDistrict = optional(fields, "old_district");
        if (oldDistrict != null && !OLD_DISTRICTS.contains(oldDistrict)) {
            throw problem(fields, "old_district", "old_district '" + oldDistrict + "' is not a pre-2025 HCMC district");
        }
        if ("district".equals(scope) && oldDistrict == null) {
            throw problem(fields, "old_district", "a district service needs its old_district");
        }
        String source = required(fields, "source");
        List<String> sources = scalars(fields, "sources");
        if (!source.startsWith("http") || sources.stream().anyMatch(s -> !s.startsWith("http"))) {
            throw problem(fields, "source", "sources must be web addresses");
        }
        if (!sources.contains(source)) {
            throw problem(fields, "sources", "sources must include the main source");
        }
        return new ServiceEntry(id, required(fields, "name"), types(fields), phones(fields), optional(fields, "address"),
                oldDistrict, optional(fields, "ward_2025"), scope, optional(fields, "hours"), optional(fields, "cost"),
                required(fields, "serves"), optional(fields, "note"), source, sources, verifiedOn(fields),
                bool(fields.get("confirmed"), "confirmed"));
    }

    private Set<ServiceType> types(Map<String, Node> fields) {
        Set<ServiceType> types = new LinkedHashSet<>();
        for (String id : scalars(fields, "types")) {
            types.add(ServiceType.fromId(id).orElseThrow(() -> problem(fields, "types", "unknown service type '" + id + "'")));
        }
        if (types.isEmpty()) {
            throw problem(fields, "types", "an entry needs at least one service type");
        }
        return types;
    }

    private List<ServiceEntry.Phone> phones(Map<String, Node> fields) {
        Node node = fields.get("phones");
        if (!(node instanceof SequenceNode list)) {
            throw problem(fields, "phones", "phones must be a list (write [] when there is none)");
        }
        List<ServiceEntry.Phone> phones = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                throw new DirectoryFormatException(file, line(item), "a phone needs 'number', 'label' and 'free'");
            }
            Map<String, Node> phone = new HashMap<>();
            mapping.getValue().forEach(t -> phone.put(((ScalarNode) t.getKeyNode()).getValue(), t.getValueNode()));
            String number = scalar(phone.get("number"));
            if (number == null || !NUMBER.matcher(number).matches()) {
                throw new DirectoryFormatException(file, line(item), "phone number '" + number + "' is missing or not a number");
            }
            String label = scalar(phone.get("label"));
            if (label == null || label.isBlank()) {
                throw new DirectoryFormatException(file, line(item), "phone " + number + " needs a label saying what it is for");
            }
            if (!phone.containsKey("free")) {
                throw new DirectoryFormatException(file, line(item), "phone " + number + " needs 'free' (true, false or null)");
            }
            phones.add(new ServiceEntry.Phone(number, label, nullableBool(phone.get("free"), item)));
        }
        return phones;
    }

    private LocalDate verifiedOn(Map<String, Node> fields) {
        String text = required(fields, "verified_on");
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(LocalDate.now().plusDays(1))) {
                throw problem(fields, "verified_on", "verified_on " + text + " is in the future");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw problem(fields, "verified_on", "verified_on must be a date like 2026-11-29");
        }
    }

    private String required(Map<String, Node> fields, String key) {
        String value = scalar(fields.get(key));
        if (value == null || value.isBlank()) {
            throw problem(fields, key, "'" + key + "' must have a value");
        }
        return value.strip();
    }

    private String optional(Map<String, Node> fields, String key) {
        String value = scalar(fields.get(key));
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<String> scalars(Map<String, Node> fields, String key) {
        if (!(fields.get(key) instanceof SequenceNode list)) {
            throw problem(fields, key, "'" + key + "' must be a list");
        }
        List<String> values = new ArrayList<>();
        for (Node item : list.getValue()) {
            String value = scalar(item);
            if (value == null || value.isBlank()) {
                throw new DirectoryFormatException(file, line(item), "'" + key + "' has an empty item");
            }
            values.add(value.strip());
        }
        return values;
    }

    private boolean bool(Node node, String key) {
        Boolean value = nullableBool(node, node);
        if (value == null) {
            throw new DirectoryFormatException(file, line(node), "'" + key + "' must be true or false");
        }
        return value;
    }

    private Boolean nullableBool(Node node, Node where) {
        String value = scalar(node);
        if (value == null) {
            return null;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        throw new DirectoryFormatException(file, line(where), "expected true, false or null, found '" + value + "'");
    }

    private DirectoryFormatException problem(Map<String, Node> fields, String key, String message) {
        return new DirectoryFormatException(file, line(fields.get(key)), message);
    }

    private String scalar(Node node) {
        if (node == null || Tag.NULL.equals(node.getTag())) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new DirectoryFormatException(file, line(node), "expected a single value");
        }
        return scalar.getValue();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
