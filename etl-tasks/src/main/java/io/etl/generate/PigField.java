package io.etl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the generated Pig script treats one field: what sends a row to the rejects instead of the warehouse (a
 * missing key or cursor, a value the column's type cannot hold: MongoDB enforces no type, and the sample saw only
 * part of the collection), and what the row's column is made of. Regular expressions are written as Pig literals.
 */
final class PigField {

    private static final String EXTRACTED_DATE = "\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}\\\\.\\\\d{3}Z";
    private static final Map<ColumnType, String> FORMS = Map.of(
            ColumnType.TIMESTAMP, EXTRACTED_DATE,
            ColumnType.LONG, "-?\\\\d+",
            ColumnType.DOUBLE, "-?(\\\\d+(\\\\.\\\\d*)?|\\\\.\\\\d+)([eE][-+]?\\\\d+)?|NaN|-?Infinity",
            ColumnType.DECIMAL, "-?\\\\d+(\\\\.\\\\d+)?([eE][-+]?\\\\d+)?",
            ColumnType.BOOLEAN, "true|false");
    private static final String ARRAY = "\\\\[.*";

    /** A condition in the script and the reason a row that meets it is rejected. */
    record Check(String condition, String reason) {
    }

    private PigField() {
    }

    /** @param required the key or the cursor: a row without it cannot be loaded, or selected by a window */
    static List<Check> checks(PlannedField field, boolean required) {
        String pig = field.pig();
        List<Check> checks = new ArrayList<>();
        if (required) {
            checks.add(new Check("(" + pig + " IS NULL OR " + pig + " == '\\\\N')", "missing " + field.column()));
        }
        String form = field.arrayColumns() ? ARRAY : FORMS.get(field.type());
        if (form != null) {
            checks.add(new Check("(" + pig + " IS NOT NULL AND " + pig + " != '\\\\N' AND NOT " + pig + " MATCHES '" + form + "')",
                    (field.type() == ColumnType.TIMESTAMP ? "unparseable " : "unexpected value in ") + field.column()));
        }
        return checks;
    }

    /** The field's expression in the GENERATE of the loadable rows. */
    static String expression(PlannedField field) {
        String pig = field.pig();
        if (field.arrayColumns()) {
            return "FLATTEN(" + udf(field) + "(" + pig + "))";
        }
        if (field.type() != ColumnType.TIMESTAMP) {
            return pig;
        }
        // checked to be in the extract's UTC form: cut to seconds as text, as parsing it costs a tenth of the transform
        String converted = "CONCAT(SUBSTRING(" + pig + ", 0, 10), ' ', SUBSTRING(" + pig + ", 11, 19))";
        return "(" + pig + " IS NULL OR " + pig + " == '\\\\N' ? " + pig + " : " + converted + ") AS " + pig;
    }

    /** The alias the script DEFINEs for the field's {@code ArrayColumns}. */
    static String udf(PlannedField field) {
        return "Columns_" + field.pig();
    }
}
