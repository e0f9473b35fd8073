package io.etl.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BSONObject;

/**
 * Tallies, document by document as the map task writes them, the field paths the ETL does not declare: a field
 * declared is skipped with whatever is inside it; a document on the way to a declared path is looked into; any
 * other field is unmapped, a nested document giving its own fields as dotted paths and an array counting as one
 * field (the generator makes one column of an array, whatever it holds). At most {@value UnmappedFields#MAX_PATHS}
 * paths are tracked.
 */
final class UnmappedFieldProfile {

    private final Set<String> declared;
    /** The paths of the documents that hold declared fields, such as {@code device} for {@code device.os}. */
    private final Set<String> leadingToDeclared = new HashSet<>();
    private final Map<String, Tally> tallies = new HashMap<>();
    private boolean capped;

    private static final class Tally {
        private final Set<String> types = new TreeSet<>();
        private final String exampleId;
        private long documents;

        private Tally(String exampleId) {
            this.exampleId = exampleId;
        }
    }

    private UnmappedFieldProfile(List<String> declaredPaths) {
        this.declared = Set.copyOf(declaredPaths);
        for (String path : declaredPaths) {
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                leadingToDeclared.add(path.substring(0, dot));
            }
        }
    }

    static UnmappedFieldProfile declaring(List<String> paths) {
        return new UnmappedFieldProfile(paths);
    }

    void add(BSONObject document) {
        visit("", document, document);
    }

    private void visit(String prefix, BSONObject fields, BSONObject document) {
        for (String key : fields.keySet()) {
            String path = prefix + key;
            Object value = fields.get(key);
            if (declared.contains(path)) {
                continue;
            }
            boolean nested = value instanceof BSONObject object && !(value instanceof List<?>) && !object.keySet().isEmpty();
            if (nested) {
                visit(path + ".", (BSONObject) value, document);
            } else if (!leadingToDeclared.contains(path)) {
                tally(path, value, document);
            }
        }
    }

    private void tally(String path, Object value, BSONObject document) {
        Tally tally = tallies.get(path);
        if (tally == null) {
            if (tallies.size() == UnmappedFields.MAX_PATHS) {
                capped = true;
                return;
            }
            tally = new Tally(BsonText.of(document.get("_id")));
            tallies.put(path, tally);
        }
        tally.types.add(BsonTypeName.of(value));
        tally.documents++;
    }

    UnmappedFields result() {
        return new UnmappedFields(tallies.entrySet().stream()
                .map(e -> new UnmappedField(e.getKey(), List.copyOf(e.getValue().types), e.getValue().documents, e.getValue().exampleId))
                .toList(), capped);
    }
}
