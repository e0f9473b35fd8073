package io.etl.generate;

import io.etl.spec.EtlSpec;
import io.etl.warehouse.Column;
import io.etl.warehouse.Table;

import java.util.List;
import java.util.Set;

/**
 * The ETL {@code etl generate} writes for a collection, before it is rendered into files.
 *
 * @param name          the ETL's name (its tasks, Pig script and table)
 * @param cursorIndexed whether the collection has an index the extract can use on the cursor field
 * @param unaddressable fields of the sample left out because no dot path can name them
 * @param warnings      what a person should know of the names given: a column not named as its field
 * @param children      the arrays unwound into child tables
 */
public record EtlPlan(String collection, String name, String javaPackage, String javaClass, List<PlannedField> fields,
                      PlannedField key, PlannedField cursor, long sampled, boolean cursorIndexed,
                      Set<String> unaddressable, List<String> warnings, List<PlannedChild> children) {

    public EtlPlan {
        fields = List.copyOf(fields);
        children = List.copyOf(children);
        unaddressable = Set.copyOf(unaddressable);
        warnings = List.copyOf(warnings);
    }

    /** The spec the generated class declares: built here too, so that a plan it would reject is never written. */
    public EtlSpec spec() {
        EtlSpec.Builder spec = EtlSpec.named(name).collection(collection).cursor(cursor.path()).key(key.path());
        fields.forEach(field -> spec.field(field.path(), field.column(), field.fieldType()));
        children.forEach(child -> spec.unwind(child.child()));
        return spec.build();
    }

    /** The table the generated class declares, keyed and distributed on the key, sorted on the cursor. */
    public Table table(String schema) {
        Table.Builder table = Table.named(name).schema(schema);
        fields.stream().flatMap(field -> field.columns().stream()).forEach(column -> table.column(column.name(), column.type()));
        String keyColumn = key.columns().get(0).name();
        String cursorColumn = cursor.columns().get(0).name();
        children.forEach(child -> table.child(child.childTable()));
        return table.key(keyColumn).cursor(cursorColumn).distKey(keyColumn).sortKey(cursorColumn).build();
    }

    /** The same plan, its string columns at least as wide as {@code existing}'s of the same name: an update never narrows. */
    public EtlPlan keepingWidths(Table existing) {
        List<PlannedField> kept = fields.stream().map(field -> field.keepingWidths(existing)).toList();
        return new EtlPlan(collection, name, javaPackage, javaClass, kept, field(kept, key.path()), field(kept, cursor.path()),
                sampled, cursorIndexed, unaddressable, warnings, children);
    }

    private static PlannedField field(List<PlannedField> fields, String path) {
        return fields.stream().filter(field -> field.path().equals(path)).findFirst().orElseThrow();
    }

    /** The warehouse columns, in load order. */
    public List<Column> columns() {
        return fields.stream().flatMap(field -> field.columns().stream()).toList();
    }
}
