package io.etl.generate;

import io.etl.warehouse.ChildTable;
import io.etl.warehouse.Column;
import io.etl.warehouse.SqlType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides the generated ETL from a sample of its collection: names, types, array columns, key and cursor. */
final class Planner {

    private static final String KEY = "_id";

    private final GenerateOptions options;
    private final UniqueNames columns = new UniqueNames();
    private final List<String> warnings = new ArrayList<>();

    private Planner(GenerateOptions options) {
        this.options = options;
    }

    /** @param indexedPaths the fields an ascending or descending index starts with */
    static EtlPlan plan(String collection, Sample sample, Set<String> indexedPaths, GenerateOptions options) {
        if (sample.documents() == 0) {
            throw new GenerateException("collection '" + collection + "' has no documents to infer a table from");
        }
        String name = Names.etl(collection);
        List<FieldProfile> sampled = sample.fields();
        requireSampled(sampled, options.excluded(), "--exclude");
        requireSampled(sampled, options.renamed().keySet(), "--rename");
        requireSampled(sampled, options.unwound(), "--unwind");
        List<FieldProfile> profiles = sampled.stream()
                .filter(profile -> !options.isExcluded(profile.path()) && !options.unwound().contains(profile.path())).toList();
        CursorChoice cursor = CursorChoice.of(sampled, indexedPaths, options.cursor());
        Planner planner = new Planner(options);
        cursor.advice().ifPresent(planner.warnings::add);
        Map<FieldProfile, PlannedField> planned = new HashMap<>();
        for (FieldProfile profile : profiles.stream().sorted(Comparator.comparingInt(planner::claimOrder)).toList()) {
            planned.put(profile, planner.field(profile, sample.documents(),
                    profile.path().equals(KEY) || profile.path().equals(cursor.path())));
        }
        List<PlannedField> fields = profiles.stream().map(planned::get).toList();
        PlannedField key = find(fields, KEY, options);
        PlannedField cursorField = find(fields, cursor.path(), options);
        List<PlannedChild> children = new ArrayList<>();
        UniqueNames childNames = new UniqueNames();
        for (FieldProfile array : sampled.stream().filter(profile -> options.unwound().contains(profile.path())).toList()) {
            children.add(planner.child(name, key.columns().get(0).name(), array, sample, childNames));
        }
        return new EtlPlan(collection, name, Names.javaPackage(name), Names.javaClass(name), fields, key, cursorField,
                sample.documents(), cursor.indexed(), sample.unaddressable(), planner.warnings, children);
    }

    /**
     * The child table of an array ({@code --unwind}): named after the ETL and the array, its parent's key column
     * after the ETL in the singular ({@code update_id} of {@code updates}), its columns after the elements' fields,
     * or one column for single values, after the array in the singular ({@code tag} of {@code tags}).
     */
    private PlannedChild child(String etl, String keyColumn, FieldProfile array, Sample sample, UniqueNames childNames) {
        String path = array.path();
        if (!array.types().equals(Set.of(ValueType.ARRAY))) {
            throw new GenerateException("--unwind " + path + ": it holds " + array.type().name().toLowerCase(Locale.ROOT)
                    + " values in the sample, not only arrays");
        }
        Sample elements = sample.elements(path)
                .orElseThrow(() -> new GenerateException("--unwind " + path + ": every sampled array there is empty"));
        boolean values = elements.singleValues() == elements.documents();
        if (!values && elements.singleValues() > 0) {
            throw new GenerateException("--unwind " + path + ": its elements are documents and single values; a child"
                    + " table holds one kind (--exclude it, or leave it a JSON column)");
        }
        String childName = childNames.take(Names.column(path).orElseGet(() -> Names.fallback(path)));
        String parentKey = Names.singular(etl) + "_" + keyColumn;
        Planner elementPlanner = new Planner(GenerateOptions.defaults());
        elementPlanner.columns.take(parentKey);
        elementPlanner.columns.take(ChildTable.POSITION);
        List<PlannedField> fields = new ArrayList<>();
        for (FieldProfile element : elements.fields()) {
            // a single value is named after its array; an element's own array stays one JSON column
            String wanted = values ? Names.singular(childName) : elementPlanner.wanted(element);
            fields.add(elementPlanner.single(element, elements.documents(), wanted));
        }
        warnings.addAll(elementPlanner.warnings.stream().map(warning -> "in " + path + ": " + warning).toList());
        return new PlannedChild(childName, path, values, Names.shortened(etl + "_" + childName, Names.MAX_NAME_BYTES),
                parentKey, fields, elements.documents());
    }

    /** A path given on the command line that no sampled document has is a typo, not a field to ignore. */
    private static void requireSampled(List<FieldProfile> sampled, Set<String> paths, String option) {
        paths.stream().filter(path -> sampled.stream().noneMatch(p -> GenerateOptions.isWithin(p.path(), path)))
                .sorted().findFirst().ifPresent(path -> {
                    throw new GenerateException(option + " " + path + ": no sampled document has that field");
                });
    }

    /**
     * Who gets a name two fields would share: a field renamed on the command line, then the field whose own name it
     * is ({@code order_date} before {@code Order Date}), then the others in the sample's order.
     */
    private int claimOrder(FieldProfile profile) {
        if (options.renamed().containsKey(profile.path())) {
            return 0;
        }
        return Names.column(profile.path()).filter(profile.path()::equals).isPresent() ? 1 : 2;
    }

    /** The column a field asks for: its --rename, else its name in snake case, else a name made for it. */
    private String wanted(FieldProfile profile) {
        String path = profile.path();
        String renamed = options.renamed().get(path);
        if (renamed != null) {
            if (columns.isTaken(renamed)) {
                throw new GenerateException("--rename " + path + "=" + renamed + ": another field has that column");
            }
            return renamed;
        }
        return Names.column(path).orElseGet(() -> {
            String made = Names.fallback(path);
            warnings.add("field '" + path + "' has no Latin letter or digit: its column is " + made
                    + " (--rename '" + path + "=<column>' names it)");
            return made;
        });
    }

    /** Says when a field's column is not the name it asked for. */
    private String given(FieldProfile profile, String wanted, String column) {
        if (!column.equals(wanted)) {
            warnings.add("field '" + profile.path() + "' is column " + column + (column.length() < wanted.length()
                    ? ": " + wanted + " is longer than " + Names.MAX_NAME_BYTES + " bytes, the longest name PostgreSQL keeps"
                    : ": " + wanted + " is another field's"));
        }
        return column;
    }

    /** @param single the key or the cursor, which must stay one column whatever its values */
    private PlannedField field(FieldProfile profile, long documents, boolean single) {
        String wanted = wanted(profile);
        boolean present = profile.alwaysPresent(documents);
        if (!single && options.arrays() != ArraysMode.JSON && profile.isScalarArray()) {
            List<String> names = columns.takeGroup(wanted, options.columnsFor(profile.maxArrayLength()));
            given(profile, wanted, names.get(0));
            // inside an array the extract writes a date as ISO-8601 text, which Redshift's COPY TIMEFORMAT does not read
            ColumnType element = profile.elementType() == ColumnType.TIMESTAMP ? ColumnType.STRING : profile.elementType();
            List<Column> arrayColumns = new ArrayList<>(names.subList(1, names.size()).stream()
                    .map(column -> Column.of(column, element.sqlType(profile.maxElementBytes()))).toList());
            boolean keepsRest = options.arrays() == ArraysMode.COLUMNS_AND_REST;
            if (keepsRest) {
                // as long as any text column can be: how many elements a later document holds is not known
                arrayColumns.add(Column.of(columns.take(names.get(0) + "_rest"), SqlType.varchar(SqlType.MAX_VARCHAR)));
            }
            return new PlannedField(profile.path(), names.get(0), ColumnType.JSON, true, keepsRest, arrayColumns, present,
                    "array of " + profile.elementType().name().toLowerCase(Locale.ROOT));
        }
        return single(profile, documents, wanted);
    }

    /** A field that is one column, whatever it holds. */
    private PlannedField single(FieldProfile profile, long documents, String wanted) {
        String column = given(profile, wanted, columns.take(wanted));
        ColumnType type = profile.type();
        String sampled = profile.types().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", "));
        return new PlannedField(profile.path(), column, type, false, false,
                List.of(Column.of(column, type.sqlType(profile.maxBytes()))), profile.alwaysPresent(documents), sampled);
    }

    private static PlannedField find(List<PlannedField> fields, String path, GenerateOptions options) {
        if (options.isExcluded(path)) {
            throw new GenerateException("--exclude leaves out '" + path + "', which the ETL needs as its key or cursor");
        }
        return fields.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new GenerateException("no sampled document has the field '" + path + "'"));
    }
}
