package io.etl.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An array of a document unwound into a child table: one row per element, with the parent's key and the element's
 * position (from 0), then the element's fields. A document's elements are loaded with it or not at all: an element
 * that is not of its declared type rejects the whole document.
 *
 * @param name     the child's name: the transform's relations {@code <name>} and {@code <name>_rows}, and its folder in
 *                 each stage's output
 * @param array    the path of the array in the document
 * @param values   whether the elements are single values (each one field, {@link #VALUE}) rather than documents
 * @param fields   the element's fields, their paths relative to the element
 */
public record Child(String name, String array, boolean values, List<Field> fields) {

    /** The path of a single-valued element's one field: the element itself. */
    public static final String VALUE = "value";
    /** The column of an element's position in its array. */
    public static final String POSITION = "position";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public Child {
        Objects.requireNonNull(array, "array");
        fields = List.copyOf(fields);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("child '" + name + "' must be lower-case letters, digits or '_'");
        }
        if (name.equals("documents") || name.equals("rows") || name.startsWith("etl_")) {
            throw new IllegalArgumentException("child '" + name + "' is a name the transform uses: choose another");
        }
        Field.requirePath(array);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("child " + name + " of " + array + " declares no field");
        }
        if (values && (fields.size() != 1 || !fields.get(0).path().equals(VALUE))) {
            throw new IllegalArgumentException("child " + name + " of single values has one field, " + VALUE);
        }
        Set<String> columns = new HashSet<>(List.of(POSITION));
        for (Field field : fields) {
            if (!columns.add(field.column())) {
                throw new IllegalArgumentException("child " + name + ": column '" + field.column() + "' is declared twice");
            }
        }
    }

    /** Unwinds an array of documents; declare the elements' fields with {@link Builder#field}. */
    public static Builder of(String name, String array) {
        return new Builder(name, array);
    }

    /** Unwinds an array of single values (strings, numbers …) into one column. */
    public static Child values(String name, String array, String column, FieldType type) {
        return new Child(name, array, true, List.of(Field.of(VALUE, column, type)));
    }

    public List<String> paths() {
        return fields.stream().map(Field::path).toList();
    }

    public List<String> columns() {
        return fields.stream().map(Field::column).toList();
    }

    public static final class Builder {
        private final String name;
        private final String array;
        private final List<Field> fields = new ArrayList<>();

        private Builder(String name, String array) {
            this.name = name;
            this.array = array;
        }

        public Builder field(String path, String column, FieldType type) {
            fields.add(Field.of(path, column, type));
            return this;
        }

        public Child build() {
            return new Child(name, array, false, fields);
        }
    }
}
