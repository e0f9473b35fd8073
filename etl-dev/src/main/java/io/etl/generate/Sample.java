package io.etl.generate;

import io.etl.spec.Child;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.bson.BSONObject;

/**
 * The profiles of every field path in a set of sampled documents, nested documents as dot paths, in the order the
 * paths were first seen ({@code _id} first, as MongoDB stores it).
 */
final class Sample {

    /** What a field path cannot hold: a dot inside a name reads as nesting, a comma splits the extract's path list. */
    private static final Pattern UNADDRESSABLE = Pattern.compile("^$|^\\$|[.,\\p{Cntrl}]");

    private final Map<String, FieldProfile> profiles = new LinkedHashMap<>();
    private final Set<String> unaddressable = new TreeSet<>();
    private final Map<String, Sample> elements = new LinkedHashMap<>();
    private long documents;
    private long singleValues;

    static Sample of(Iterable<? extends BSONObject> documents) {
        Sample sample = new Sample();
        documents.forEach(sample::add);
        return sample;
    }

    long documents() {
        return documents;
    }

    /**
     * The profiles that become columns: a path whose values were all sub-documents gives way to its own fields; any
     * other path (a scalar, an array, a mix) is one field, and whatever is below it is not looked at.
     */
    List<FieldProfile> fields() {
        List<FieldProfile> fields = new ArrayList<>();
        for (FieldProfile profile : profiles.values()) {
            boolean insideField = fields.stream().anyMatch(field -> profile.path().startsWith(field.path() + "."));
            if (!insideField && !profile.isDocument()) {
                fields.add(profile);
            }
        }
        return fields;
    }

    /**
     * The elements of the arrays at {@code path}, each a document of the returned sample (a single value as the
     * field {@value io.etl.spec.Child#VALUE}); none when no sampled array there had one.
     */
    Optional<Sample> elements(String path) {
        return Optional.ofNullable(elements.get(path));
    }

    /** Elements that were single values, not documents. */
    long singleValues() {
        return singleValues;
    }

    /** The fields left out because no dot path can name them, such as {@code "a.b"} or {@code "$x"}. */
    Set<String> unaddressable() {
        return Set.copyOf(unaddressable);
    }

    private void add(BSONObject document) {
        documents++;
        visit("", document);
    }

    private void addElement(Object element) {
        if (element instanceof BSONObject document && !(element instanceof List<?>)) {
            add(document);
        } else {
            documents++;
            singleValues++;
            profiles.computeIfAbsent(Child.VALUE, FieldProfile::new).add(element);
        }
    }

    private void visit(String prefix, BSONObject document) {
        for (String key : document.keySet()) {
            Object value = document.get(key);
            String path = prefix + key;
            if (UNADDRESSABLE.matcher(key).find()) {
                unaddressable.add(path);
                continue;
            }
            profiles.computeIfAbsent(path, FieldProfile::new).add(value);
            if (value instanceof List<?> array) {
                Sample sample = elements.computeIfAbsent(path, p -> new Sample());
                array.stream().filter(Objects::nonNull).forEach(sample::addElement);
            } else if (value instanceof BSONObject nested) {
                visit(path + ".", nested);
            }
        }
    }
}
