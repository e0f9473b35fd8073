package io.etl.extract;

import io.etl.reject.Reject;
import io.etl.spec.Child;
import io.etl.spec.FieldType;
import io.etl.tsv.Tsv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.BSONObject;

/**
 * Turns a document into its TSV line: the values at the ETL's field paths in column order, each as the text of its
 * declared type, then the {@link Reject#EXTRACT_COLUMNS}: the first value that is not of its type (or a missing
 * key, or an element of an unwound array that is not its declaration), with the reason, so that the transform sends
 * the document to the rejects instead of the warehouse. A rejected document's values are written as they are, for
 * the reject to show. The lines of its unwound arrays ({@link ElementRows}) are there after, for a document not
 * rejected.
 */
final class DocumentRow {

    private static final Pattern DOT = Pattern.compile("\\.");
    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

    private final List<String> paths;
    private final List<String[]> steps;
    private final List<FieldType> types;
    private final int key;
    private final List<ElementRows> children;
    private final List<List<String>> elementLines;
    private final StringBuilder line = new StringBuilder(256);

    private DocumentRow(List<String> paths, List<FieldType> types, int key, List<Child> children) {
        this.paths = paths;
        this.steps = paths.stream().map(DOT::split).toList();
        this.types = types;
        this.key = key;
        this.children = children.stream().map(ElementRows::new).toList();
        this.elementLines = new ArrayList<>(Collections.nCopies(children.size(), List.of()));
    }

    /**
     * @param paths    the fields' paths, in column order
     * @param types    their declared types, in the same order
     * @param key      the index of the key among them
     * @param children the arrays unwound into child tables
     */
    static DocumentRow of(List<String> paths, List<FieldType> types, int key, List<Child> children) {
        return new DocumentRow(List.copyOf(paths), List.copyOf(types), key, List.copyOf(children));
    }

    /** How many arrays it unwinds. */
    int children() {
        return children.size();
    }

    /** The lines of the {@code child}th unwound array of the document of the last {@link #line}: none when rejected. */
    List<String> elementLines(int child) {
        return elementLines.get(child);
    }

    String line(BSONObject document) {
        line.setLength(0);
        String rejectField = null;
        String rejectReason = null;
        String rejectValue = null;
        String keyField = null;
        for (int i = 0; i < steps.size(); i++) {
            Object value = valueAt(document, steps.get(i));
            String text = null;
            if (value == null) {
                if (i == key && rejectReason == null) {
                    rejectField = paths.get(i);
                    rejectReason = "the key is missing";
                }
            } else {
                try {
                    text = DeclaredText.of(types.get(i), value);
                } catch (TypeMismatch mismatch) {
                    text = BsonText.of(value);
                    if (rejectReason == null) {
                        rejectField = paths.get(i);
                        rejectReason = mismatch.reason();
                        rejectValue = Reject.excerpt(text);
                    }
                }
            }
            if (i > 0) {
                line.append('\t');
            }
            String field = Tsv.field(text);
            line.append(field);
            if (i == key) {
                keyField = field;
            }
        }
        for (int c = 0; c < children.size(); c++) {
            elementLines.set(c, List.of());
        }
        if (rejectReason == null) {
            try {
                for (int c = 0; c < children.size(); c++) {
                    elementLines.set(c, children.get(c).lines(document, keyField));
                }
            } catch (ElementRows.ElementMismatch mismatch) {
                Collections.fill(elementLines, List.of());
                rejectField = mismatch.field();
                rejectReason = mismatch.reason();
                rejectValue = mismatch.value();
            }
        }
        append(rejectField);
        append(rejectReason);
        append(rejectValue);
        return line.toString();
    }

    private void append(String value) {
        line.append('\t').append(Tsv.field(value));
    }

    /** The value at a dot path; null where a step is missing. A numeric step indexes an array. */
    static Object valueAt(BSONObject document, String[] path) {
        Object current = document;
        for (String step : path) {
            if (current instanceof List<?> list) {
                int index = INDEX.matcher(step).matches() ? Integer.parseInt(step) : list.size();
                current = index < list.size() ? list.get(index) : null;
            } else if (current instanceof BSONObject object) {
                current = object.get(step);
            } else {
                return null;
            }
        }
        return current;
    }
}
