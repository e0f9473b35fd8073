package io.etl.generate;

import java.util.List;

/**
 * A field's expression in the generated script's {@code rows}: the column it becomes, named as the column (an array
 * spread over columns by {@code ArrayColumns}, a date cut to the warehouse's form). What is not loadable needs no
 * code here: the transform's epilogue rejects it ({@link io.etl.transform.LoadableRow}).
 */
final class PigField {

    private PigField() {
    }

    /**
     * @param pig     the field's name in {@code documents}
     * @param columns the names of its columns in {@code rows}
     */
    static String expression(PlannedField field, String pig, List<String> columns) {
        if (field.arrayColumns()) {
            return "FLATTEN(" + udf(pig) + "(" + pig + ")) AS (" + String.join(", ", columns) + ")";
        }
        String value = pig;
        if (field.type() == ColumnType.TIMESTAMP) {
            // from the extract's UTC form to the warehouse's, to the millisecond, as text: parsing it costs a tenth of the transform
            value = "(" + pig + " == '\\\\N' ? " + pig + " : CONCAT(SUBSTRING(" + pig + ", 0, 10), ' ', SUBSTRING(" + pig + ", 11, 23)))";
        }
        return value + (value.equals(columns.get(0)) ? "" : " AS " + columns.get(0));
    }

    /** The alias the script DEFINEs for the field's {@code ArrayColumns}. */
    static String udf(String pig) {
        return "Columns_" + pig;
    }
}
