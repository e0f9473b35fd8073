package io.etl.extract;

import io.etl.reject.Reject;
import io.etl.spec.Child;
import io.etl.spec.Field;
import io.etl.tsv.Tsv;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.BSONObject;

/**
 * Turns a document's unwound array into the TSV lines of its child table: per element, the parent's key, the
 * element's position from 0, then the element's fields, each as the text of its declared type. An element that
 * cannot be its declaration rejects the whole document ({@link ElementMismatch}): its elements are loaded with it or
 * not at all.
 */
final class ElementRows {

    private static final Pattern DOT = Pattern.compile("\\.");

    private final Child child;
    private final String[] array;
    private final List<String[]> steps;
    private final StringBuilder line = new StringBuilder(128);

    ElementRows(Child child) {
        this.child = child;
        this.array = DOT.split(child.array());
        this.steps = child.paths().stream().map(DOT::split).toList();
    }

    String name() {
        return child.name();
    }

    /**
     * @param parentKey the document's key in the lake's form
     * @return one line per element; none for a document without the array (or with it NULL)
     * @throws ElementMismatch naming the element's field and why, for the document's reject
     */
    List<String> lines(BSONObject document, String parentKey) throws ElementMismatch {
        Object value = DocumentRow.valueAt(document, array);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> elements)) {
            throw new ElementMismatch(child.array(), "expected an array, got " + DeclaredText.kind(value), BsonText.of(value));
        }
        List<String> lines = new ArrayList<>(elements.size());
        for (int position = 0; position < elements.size(); position++) {
            lines.add(line(elements.get(position), parentKey, position));
        }
        return lines;
    }

    private String line(Object element, String parentKey, int position) throws ElementMismatch {
        line.setLength(0);
        line.append(parentKey).append('\t').append(position);
        String at = child.array() + "." + position;
        if (!child.values() && !(element instanceof BSONObject && !(element instanceof List<?>))) {
            throw new ElementMismatch(at, "expected a document, got " + DeclaredText.kind(element),
                    element == null ? null : BsonText.of(element));
        }
        for (int i = 0; i < steps.size(); i++) {
            Field field = child.fields().get(i);
            Object value = child.values() ? element : DocumentRow.valueAt((BSONObject) element, steps.get(i));
            String text = null;
            if (value != null) {
                try {
                    text = DeclaredText.of(field.type(), value);
                } catch (TypeMismatch mismatch) {
                    throw new ElementMismatch(child.values() ? at : at + "." + field.path(), mismatch.reason(), BsonText.of(value));
                }
            }
            line.append('\t').append(Tsv.field(text));
        }
        return line.toString();
    }

    /** An element that is not what its child declares: the field (with the element's position) and why. */
    static final class ElementMismatch extends Exception {
        private final String field;
        private final String value;

        ElementMismatch(String field, String reason, String value) {
            super(reason, null, false, false);
            this.field = field;
            this.value = value == null ? null : Reject.excerpt(value);
        }

        String field() {
            return field;
        }

        String reason() {
            return getMessage();
        }

        String value() {
            return value;
        }
    }
}
