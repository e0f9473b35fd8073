package io.etl.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an ETL replicates, declared once: the collection, the cursor field that windows select on, the key that
 * identifies a document, and the fields in column order. The extract's projection and TSV columns, and the Pig
 * script's input, derive from it; the warehouse table is declared beside it and must agree on the key and the cursor
 * ({@code TableAgreement}), and the rows the script writes are checked against the table.
 *
 * @param name        the ETL's name: its task families, its folder in the lake and its Pig script are named after it
 * @param cursorField the path of a date field, indexed, that only grows as documents are written; one of {@code fields}
 * @param keyField    the path of the field that identifies a document; one of {@code fields}
 * @param children    the arrays unwound into child tables, each loaded with its document
 */
public record EtlSpec(String name, String collection, String cursorField, String keyField, List<Field> fields,
                      List<Child> children) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public EtlSpec {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(cursorField, "cursorField");
        fields = List.copyOf(fields);
        children = List.copyOf(children);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("ETL name '" + name + "' must be lower-case letters, digits or '_'");
        }
        if (fields.stream().noneMatch(f -> f.path().equals(keyField))) {
            throw new IllegalArgumentException("ETL " + name + ": key field '" + keyField + "' is not one of its fields");
        }
        if (fields.stream().noneMatch(f -> f.path().equals(cursorField))) {
            throw new IllegalArgumentException("ETL " + name + ": cursor field '" + cursorField + "' is not one of its fields");
        }
        Set<String> columns = new HashSet<>();
        for (Field field : fields) {
            if (!columns.add(field.column())) {
                throw new IllegalArgumentException("ETL " + name + ": column '" + field.column() + "' is declared twice");
            }
        }
        Set<String> childNames = new HashSet<>();
        for (Child child : children) {
            if (!childNames.add(child.name())) {
                throw new IllegalArgumentException("ETL " + name + ": child '" + child.name() + "' is declared twice");
            }
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The position of the key among the fields. */
    public int keyIndex() {
        return paths().indexOf(keyField);
    }

    /** The position of the cursor among the fields. */
    public int cursorIndex() {
        return paths().indexOf(cursorField);
    }

    /** The key's field. */
    public Field key() {
        return fields.get(keyIndex());
    }

    /** The cursor's field. */
    public Field cursor() {
        return fields.get(cursorIndex());
    }

    /** The field paths, in column order. */
    public List<String> paths() {
        return fields.stream().map(Field::path).toList();
    }

    /** Every path the extract reads: the fields', then the unwound arrays'. */
    public List<String> readPaths() {
        List<String> paths = new ArrayList<>(paths());
        children.forEach(child -> paths.add(child.array()));
        return paths;
    }

    public static final class Builder {
        private final String name;
        private String collection;
        private String cursorField;
        private String keyField = "_id";
        private final List<Field> fields = new ArrayList<>();
        private final List<Child> children = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
            this.collection = name;
        }

        /** The collection's name, when it is not the ETL's. */
        public Builder collection(String collection) {
            this.collection = collection;
            return this;
        }

        public Builder cursor(String field) {
            this.cursorField = field;
            return this;
        }

        /** The key, when it is not {@code _id}. */
        public Builder key(String field) {
            this.keyField = field;
            return this;
        }

        public Builder field(String path, String column, FieldType type) {
            fields.add(Field.of(path, column, type));
            return this;
        }

        /** Unwinds an array into a child table. */
        public Builder unwind(Child child) {
            children.add(child);
            return this;
        }

        public EtlSpec build() {
            return new EtlSpec(name, collection, cursorField, keyField, fields, children);
        }
    }
}
