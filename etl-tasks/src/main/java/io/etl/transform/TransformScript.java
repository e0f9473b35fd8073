package io.etl.transform;

import io.etl.reject.Reject;
import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.spec.Field;
import io.etl.task.PermanentFailure;
import io.etl.warehouse.ChildTable;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.Table;

import io.etl.environment.EtlEnvironment;
import io.etl.lake.LakeDirectory;
import io.etl.window.Window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Pig a transform runs: the ETL's own script between a prelude and an epilogue derived from its declaration,
 * so a script says only how documents become rows.
 * <ul>
 *   <li>The prelude loads the window's extract as {@value #DOCUMENTS}, one chararray per declared field (named by
 *       {@link PigNames}, in the lake's form: escaped text, {@code \N} for NULL), and sends the documents the extract
 *       found of the wrong type to the rejects; and each unwound array's elements as a relation named as the array
 *       ({@code media}: the parent's key, the position, the element's fields). It is one line, so the script's own
 *       lines keep their numbers.</li>
 *   <li>The script defines {@value #ROWS}: the table's columns, in order, named as the columns; and for each unwound
 *       array {@code <name>_rows}: its child table's columns.</li>
 *   <li>The epilogue checks that each has its table's columns before any job starts, then each row against its table
 *       ({@link RowCheck}), stores the loadable ones for the warehouse ({@link WarehouseStorage}) and every reject,
 *       {@code (document_id, field, reason, value)}, for the transform to gather into {@value #REJECTS}: without
 *       child tables, the store checks each row and writes the rows' rejects beside its parts
 *       ({@link RowsAndRejects}); the documents the extract refused are stored beside {@value #REJECTS}
 *       ({@link #EXTRACT_REJECTS}). A UNION of the two would make Pig write the whole extract and every checked row
 *       to temporary files and read them back in a second job. With child tables, a document loads whole or not at
 *       all ({@link LoadableRow} checks each row before they are grouped by document): a
 *       child row its table cannot hold rejects its document, and the child rows of a rejected document are stored
 *       apart, in the rejects' folder of their array, so that every element is counted.</li>
 * </ul>
 */
record TransformScript(PigScript script, String text) {

    static final String DOCUMENTS = "documents";
    static final String ROWS = "rows";
    /** The parameters of the folders it stores into; an unwound array's are these followed by {@code _<name>}. */
    static final String OUTPUT = "output";
    static final String REJECTS = "rejects";
    /**
     * The folder beside {@value #REJECTS} (and the parameter's suffix) where the documents the extract refused are
     * stored; {@code etl_} is no unwound array's name.
     */
    static final String EXTRACT_REJECTS = "etl_documents";
    /** The lines before the script's first: its line N is line N + this of the whole. */
    static final int PRELUDE_LINES = 1;

    /** The ETL's script ({@link PigScript#find}) wrapped for its declaration, its table in the environment's schema. */
    static TransformScript of(EtlSpec spec, Function<String, Table> table, EtlEnvironment environment) throws PermanentFailure {
        return of(PigScript.find(spec.name(), environment.pigDirectory()), spec, table.apply(environment.schema()), environment.dialect());
    }

    static TransformScript of(PigScript script, EtlSpec spec, Table table, Dialect dialect) {
        List<String> fields = PigNames.of(spec.fields().stream().map(Field::column).toList());
        String key = fields.get(spec.keyIndex());
        List<String> loaded = new ArrayList<>(fields);
        loaded.addAll(Reject.EXTRACT_COLUMNS);
        StringBuilder prelude = new StringBuilder("etl_extracted = " + load("$input", loaded) + "; "
                + "SPLIT etl_extracted INTO etl_refused IF etl_reject_reason != '\\\\N', etl_accepted OTHERWISE; "
                + DOCUMENTS + " = FOREACH etl_accepted GENERATE " + String.join(", ", fields) + "; "
                + "etl_document_rejects = FOREACH etl_refused GENERATE " + key + " AS document_id, etl_reject_field AS field, "
                + "etl_reject_reason AS reason, etl_reject_value AS value;");
        List<ChildTable> children = new ArrayList<>();
        for (Child child : spec.children()) {
            ChildTable childTable = table.child(child.name()).orElseThrow();
            children.add(childTable);
            List<String> elementFields = new ArrayList<>(List.of(childTable.parentKey(), ChildTable.POSITION));
            elementFields.addAll(child.columns());
            prelude.append(' ').append(child.name()).append(" = ").append(load("$input/" + child.name(), PigNames.of(elementFields))).append(';');
        }
        String body = script.text().endsWith("\n") ? script.text() : script.text() + "\n";
        RowContract rows = RowContract.of(table, dialect);
        String epilogue = children.isEmpty() ? epilogue(rows)
                : epilogue(rows, children.stream().map(child -> RowContract.of(child, dialect)).toList());
        return new TransformScript(script, prelude + "\n" + body + epilogue);
    }

    /**
     * The parameters it runs with: the ETL's own, the window ({@code lower}, {@code upper}), the extract it reads
     * ({@code input}) and the folders it stores into ({@value #OUTPUT}, {@value #REJECTS}, the extract's rejects
     * beside them, and each unwound array's).
     */
    static Map<String, String> parameters(Map<String, String> own, EtlSpec spec, LakeDirectory input, LakeDirectory output,
                                          LakeDirectory rejects, Window window) {
        Map<String, String> parameters = new LinkedHashMap<>(own);
        parameters.put("input", input.hadoopPath());
        parameters.put(OUTPUT, output.hadoopPath());
        parameters.put(REJECTS, rejects.hadoopPath());
        parameters.put(REJECTS + "_" + EXTRACT_REJECTS, rejects.beside(EXTRACT_REJECTS).hadoopPath());
        for (Child child : spec.children()) {
            parameters.put(OUTPUT + "_" + child.name(), output.beside(child.name()).hadoopPath());
            parameters.put(REJECTS + "_" + child.name(), rejects.beside(child.name()).hadoopPath());
        }
        parameters.put("lower", window.lower().toString());
        parameters.put("upper", window.upper().toString());
        return parameters;
    }

    private static String load(String folder, List<String> fields) {
        return "LOAD '" + folder + "/part-*' USING " + LakeStorage.class.getName() + "('" + String.join(",", fields) + "')";
    }

    /** Every row of {@code contract}'s relation checked: {@code etl_<name>_loadable} and {@code etl_<name>_rejects}. */
    private static String check(String name, RowContract contract) {
        return """
                DEFINE EtlLoadable_%1$s %2$s('%3$s');
                etl_%1$s_checked = FOREACH %4$s GENERATE *, EtlLoadable_%1$s(*) AS etl_problem;
                SPLIT etl_%1$s_checked INTO etl_%1$s_unloadable IF etl_problem IS NOT NULL, etl_%1$s_loadable OTHERWISE;
                etl_%1$s_rejects = FOREACH etl_%1$s_unloadable GENERATE FLATTEN(etl_problem);
                """.formatted(name, LoadableRow.class.getName(), contract.encoded(), contract.relation());
    }

    /** The fields of a checked relation without its check: {@code $0 .. $n-1}. */
    private static String columns(RowContract contract) {
        return "$0 .. $" + (contract.columns().size() - 1);
    }

    private static String epilogue(RowContract rows) {
        // etl_row_contract is never stored, so never run: Pig plans it, which checks the rows' fields before any job
        return "\n-- etl: every row checked against the table as it is stored; the loadable ones for the warehouse, the others rejected\n"
                + "DEFINE EtlRowContract " + LoadableRow.class.getName() + "('" + rows.encoded() + "');\n"
                + "etl_row_contract = FOREACH " + ROWS + " GENERATE EtlRowContract(*);\n"
                + "STORE " + ROWS + " INTO '$" + OUTPUT + "' USING " + WarehouseStorage.class.getName() + "('" + rows.encoded() + "');\n"
                + storeExtractRejects();
    }

    /**
     * With child tables: the checked rows of a document and of its children grouped by the document, so that a
     * document whose rows all check is stored whole ({@code etl_whole}), and one with any row that does not is
     * rejected once, with its first problem, and its child rows stored as dropped.
     */
    private static String epilogue(RowContract rows, List<RowContract> children) {
        StringBuilder pig = new StringBuilder("\n-- etl: every row of a document and of its children checked against its table;"
                + " a document loads whole or is rejected\n").append(check("row", rows));
        List<String> elementRejects = new ArrayList<>();
        StringBuilder cogroup = new StringBuilder("etl_documents = COGROUP etl_row_loadable BY (chararray)$" + rows.keyIndex());
        for (RowContract child : children) {
            String name = child.elements();
            pig.append(check(name, child));
            elementRejects.add("etl_" + name + "_rejects");
            cogroup.append(", etl_").append(name).append("_loadable BY (chararray)$0");
        }
        pig.append("etl_element_rejects = ").append(elementRejects.size() == 1 ? "FOREACH " + elementRejects.get(0) + " GENERATE *"
                : "UNION " + String.join(", ", elementRejects)).append(";\n");
        pig.append(cogroup).append(", etl_element_rejects BY document_id;\n");
        pig.append("""
                SPLIT etl_documents INTO etl_whole IF NOT IsEmpty(etl_row_loadable) AND IsEmpty(etl_element_rejects), etl_broken OTHERWISE;
                etl_whole_rows = FOREACH etl_whole GENERATE FLATTEN(etl_row_loadable);
                etl_rows = FOREACH etl_whole_rows GENERATE %s;
                etl_broken_rejects = FOREACH (FILTER etl_broken BY NOT IsEmpty(etl_row_loadable)) {
                    etl_first = LIMIT etl_element_rejects 1;
                    GENERATE FLATTEN(etl_first);
                };
                etl_rejects = UNION etl_row_rejects, etl_broken_rejects;
                STORE etl_rows INTO '$output' USING %s();
                STORE etl_rejects INTO '$rejects' USING PigStorage('\\t');
                """.formatted(columns(rows), WarehouseStorage.class.getName())).append(storeExtractRejects());
        for (RowContract child : children) {
            pig.append("""
                    etl_%1$s_whole = FOREACH etl_whole GENERATE FLATTEN(etl_%1$s_loadable);
                    etl_%1$s_stored = FOREACH etl_%1$s_whole GENERATE %2$s;
                    etl_%1$s_broken = FOREACH etl_broken GENERATE FLATTEN(etl_%1$s_loadable);
                    etl_%1$s_broken_rows = FOREACH etl_%1$s_broken GENERATE %2$s;
                    etl_%1$s_unloadable_rows = FOREACH etl_%1$s_unloadable GENERATE %2$s;
                    etl_%1$s_dropped = UNION etl_%1$s_broken_rows, etl_%1$s_unloadable_rows;
                    STORE etl_%1$s_stored INTO '$output_%1$s' USING %3$s();
                    STORE etl_%1$s_dropped INTO '$rejects_%1$s' USING PigStorage('\\t');
                    """.formatted(child.elements(), columns(child), WarehouseStorage.class.getName()));
        }
        return pig.toString();
    }

    private static String storeExtractRejects() {
        return "STORE etl_document_rejects INTO '$" + REJECTS + "_" + EXTRACT_REJECTS + "' USING PigStorage('\\t');\n";
    }

    /** The line of the ETL's script that a line of the whole is, or 0 for a generated one. */
    int scriptLine(int line) {
        int scriptLine = line - PRELUDE_LINES;
        return scriptLine >= 1 && scriptLine <= script.text().lines().count() ? scriptLine : 0;
    }
}
