package io.etl.generate;

import io.etl.warehouse.Column;
import io.etl.warehouse.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides the generated ETL from a sample of its collection: names, types, array columns, key and cursor. */
final class Planner {

    private static final String KEY = "_id";

    private final GenerateOptions options;
    private final UniqueNames columns = new UniqueNames();

    private Planner(GenerateOptions options) {
        this.options = options;
    }

    /** @param indexedPaths the fields an ascending or descending index starts with */
    static EtlPlan plan(String collection, Sample sample, Set<String> indexedPaths, GenerateOptions options) {
        if (sample.documents() == 0) {
            throw new GenerateException("collection '" + collection + "' has no documents to infer a table from");
        }
        String name = Names.etl(collection);
        List<FieldProfile> profiles = sample.fields();
        CursorChoice cursor = CursorChoice.of(profiles, indexedPaths, options.cursor());
        Planner planner = new Planner(options);
        List<PlannedField> fields = new ArrayList<>();
        for (FieldProfile profile : profiles) {
            fields.add(planner.field(profile, sample.documents(), profile.path().equals(KEY) || profile.path().equals(cursor.path())));
        }
        return new EtlPlan(collection, name, Names.javaPackage(name), Names.javaClass(name), fields,
                find(fields, KEY), find(fields, cursor.path()), sample.documents(), cursor.indexed(), sample.unaddressable());
    }

    /** @param single the key or the cursor, which must stay one column whatever its values */
    private PlannedField field(FieldProfile profile, long documents, boolean single) {
        String wanted = Names.column(profile.path(), "field");
        boolean present = profile.alwaysPresent(documents);
        String sampled = profile.types().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", "));
        if (!single && options.arrays() != ArraysMode.JSON && profile.isScalarArray()) {
            List<String> names = columns.takeGroup(wanted, options.columnsFor(profile.maxArrayLength()));
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
        String column = columns.take(wanted);
        ColumnType type = profile.type();
        return new PlannedField(profile.path(), column, type, false, false,
                List.of(Column.of(column, type.sqlType(profile.maxBytes()))), present, sampled);
    }

    private static PlannedField find(List<PlannedField> fields, String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new GenerateException("no sampled document has the field '" + path + "'"));
    }
}
