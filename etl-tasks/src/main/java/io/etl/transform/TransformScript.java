package io.etl.transform;

import io.etl.reject.Reject;
import io.etl.spec.EtlSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Pig a transform runs: the ETL's own script between a prelude and an epilogue derived from its declaration,
 * so a script says only how documents become rows.
 * <ul>
 *   <li>The prelude loads the window's extract as {@value #DOCUMENTS}, one chararray per declared field (named by
 *       {@link PigNames}, in the lake's form: escaped text, {@code \N} for NULL), and sends the documents the extract
 *       found of the wrong type to the rejects. It is one line, so the script's own lines keep their numbers.</li>
 *   <li>The script defines {@value #ROWS}: the table's columns, in order, named as the columns.</li>
 *   <li>The epilogue checks that {@value #ROWS} has the table's columns before any job starts, then each row against the table ({@link LoadableRow}), stores the loadable ones for the
 *       warehouse ({@link WarehouseStorage}) and every reject, {@code (document_id, field, reason, value)}.</li>
 * </ul>
 */
record TransformScript(PigScript script, String text) {

    static final String DOCUMENTS = "documents";
    static final String ROWS = "rows";
    /** The lines before the script's first: its line N is line N + this of the whole. */
    static final int PRELUDE_LINES = 1;

    static TransformScript of(PigScript script, EtlSpec spec, RowContract contract) {
        List<String> fields = PigNames.of(spec.fields().stream().map(io.etl.spec.Field::column).toList());
        String key = fields.get(spec.keyIndex());
        List<String> loaded = new ArrayList<>(fields);
        loaded.addAll(Reject.EXTRACT_COLUMNS);
        String prelude = "etl_extracted = LOAD '$input' USING " + LakeStorage.class.getName() + "() AS ("
                + loaded.stream().map(f -> f + ":chararray").collect(Collectors.joining(", ")) + "); "
                + "SPLIT etl_extracted INTO etl_refused IF etl_reject_reason != '\\\\N', etl_accepted OTHERWISE; "
                + DOCUMENTS + " = FOREACH etl_accepted GENERATE " + String.join(", ", fields) + "; "
                + "etl_document_rejects = FOREACH etl_refused GENERATE " + key + " AS document_id, etl_reject_field AS field, "
                + "etl_reject_reason AS reason, etl_reject_value AS value;\n";
        int columns = contract.columns().size();
        String epilogue = """

                -- etl: every row checked against the table; the loadable ones stored for the warehouse, the others rejected
                DEFINE EtlLoadableRow %s('%s');
                etl_checked = FOREACH %s GENERATE *, EtlLoadableRow(*) AS etl_problem;
                SPLIT etl_checked INTO etl_unloadable IF etl_problem IS NOT NULL, etl_loadable OTHERWISE;
                etl_rows = FOREACH etl_loadable GENERATE $0 .. $%d;
                etl_row_rejects = FOREACH etl_unloadable GENERATE FLATTEN(etl_problem);
                etl_rejects = UNION etl_document_rejects, etl_row_rejects;
                STORE etl_rows INTO '$output' USING %s();
                STORE etl_rejects INTO '$rejects' USING PigStorage('\\t');
                """.formatted(LoadableRow.class.getName(), contract.encoded(), ROWS, columns - 1, WarehouseStorage.class.getName());
        String body = script.text().endsWith("\n") ? script.text() : script.text() + "\n";
        return new TransformScript(script, prelude + body + epilogue);
    }

    /** The line of the ETL's script that a line of the whole is, or 0 for a generated one. */
    int scriptLine(int line) {
        int scriptLine = line - PRELUDE_LINES;
        return scriptLine >= 1 && scriptLine <= script.text().lines().count() ? scriptLine : 0;
    }
}
