package io.etl.generate;

import io.etl.spec.Child;
import io.etl.warehouse.ChildTable;

import java.util.List;

/**
 * An array the generated ETL unwinds into a child table ({@code --unwind}).
 *
 * @param name      the child's name in the declaration, and its relations' in the Pig script
 * @param array     the array's path in the documents
 * @param values    whether its elements are single values, each the one field {@value Child#VALUE}
 * @param table     the child table's name
 * @param parentKey the child table's column of the parent's key
 * @param fields    the element's fields, each one column
 * @param elements  how many elements the sample held
 */
public record PlannedChild(String name, String array, boolean values, String table, String parentKey,
                           List<PlannedField> fields, long elements) {

    public PlannedChild {
        fields = List.copyOf(fields);
    }

    /** As the spec declares it. */
    Child child() {
        if (values) {
            return Child.values(name, array, fields.get(0).column(), fields.get(0).fieldType());
        }
        Child.Builder child = Child.of(name, array);
        fields.forEach(field -> child.field(field.path(), field.column(), field.fieldType()));
        return child.build();
    }

    /** As the table declares it. */
    ChildTable.Builder childTable() {
        ChildTable.Builder table = ChildTable.of(name).table(this.table).parentKey(parentKey);
        fields.forEach(field -> table.column(field.column(), field.columns().get(0).type()));
        return table;
    }
}
