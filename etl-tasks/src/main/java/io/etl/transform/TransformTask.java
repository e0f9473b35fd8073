package io.etl.transform;

import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractCounts;
import io.etl.extract.ExtractTask;
import io.etl.hadoop.HadoopSetup;
import io.etl.lake.LakeDirectory;
import io.etl.lake.Stage;
import io.etl.parameter.ParameterValues;
import io.etl.reject.RejectSummary;
import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.task.PermanentFailure;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;
import io.etl.tsv.Tsv;
import io.etl.warehouse.Table;
import io.etl.window.WindowParameters;
import io.etl.window.WindowTask;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRJobConfig;

/**
 * Runs the ETL's Pig script {@code pig/<etl>.pig} ({@link TransformScript}: from the window's documents to the
 * table's rows) over one window's extract, into {@code {etl}/{window}/transform/part-*}, and the documents it cannot
 * make loadable into {@code {etl}/{window}/rejects/}, each with its reason. The script gets the parameters
 * {@code lower} and {@code upper}, plus the ETL's own. It writes {@link EtlEnvironment#transformParts()} parts of about equal size
 * ({@link PartSizing}), so that the warehouse loads them in parallel. Once Pig has finished, the counts
 * ({@link TransformCounts}) are written next to the output, and then its flag. An extract of no row starts no Pig: the
 * transform writes the empty parts and counts Pig would have.
 */
public final class TransformTask extends WindowTask {

    private final Definition definition;

    private TransformTask(Definition definition, ParameterValues values) {
        super(definition.type, values);
        this.definition = definition;
    }

    /**
     * The transform of one ETL: family {@code <name>_transform}.
     *
     * @param scriptParameters the ETL's own script parameters, such as how many columns an array becomes
     * @param table            the warehouse table, given the schema it lives in: what every row must be
     */
    public static TaskType<TransformTask> type(EtlSpec spec, Map<String, String> scriptParameters, Function<String, Table> table,
                                               TaskType<ExtractTask> extract, EtlEnvironment environment) {
        return new Definition(spec, scriptParameters, table, extract, environment).type;
    }

    @Override
    public List<ExtractTask> requires() {
        return List.of(sameWindow(definition.extract)
                .with(ExtractTask.ALLOW_UNINDEXED, get(ExtractTask.ALLOW_UNINDEXED))
                .create());
    }

    @Override
    public List<LakeDirectory> output() {
        return List.of(Stage.TRANSFORM.directory(definition.environment.lake(), definition.spec.name(), window(), reload()));
    }

    /** The rows it could not make loadable, each with its reason: {@code {etl}/{window}/rejects/}. */
    public LakeDirectory rejects() {
        return output().get(0).sibling(Stage.REJECTS);
    }

    /**
     * Ahead of the extracts ready with it: a window goes on to its load before another window is read, so that a
     * chunked backfill loads its chunks one after another, from the oldest.
     */
    @Override
    public int priority() {
        return 1;
    }

    @Override
    public void run(TaskContext context) throws Exception {
        LakeDirectory input = requires().get(0).output().get(0);
        LakeDirectory output = output().get(0);
        LakeDirectory rejects = rejects();
        for (LakeDirectory folder : folders(output, rejects)) {
            folder.clear();
        }
        rejects.beside(TransformScript.EXTRACT_REJECTS).clear();
        context.progress("transform", 0, 100, "%");
        EtlEnvironment environment = definition.environment;
        // found and wrapped even when no Pig runs: a missing script stops the first run, not the first with documents
        TransformScript script = TransformScript.of(definition.spec, definition.table, environment);
        TransformCounts counts;
        if (ExtractCounts.read(input).rowsExtracted() == 0) {
            for (LakeDirectory folder : folders(output, rejects)) {
                folder.writeEmptyPart();
            }
            counts = TransformCounts.none(elements());
        } else {
            counts = transform(script, input, output, rejects, context);
        }
        context.record("rows_transformed", counts.rowsTransformed());
        context.record("nuls_replaced", counts.nulsReplaced());
        context.record("array_elements_dropped", counts.arrayElementsDropped());
        counts.elementRows().forEach((elements, rows) -> context.record(elements + "_rows_transformed", rows));
        counts.writeTo(output);
        output.markComplete();
        context.progress("transform", 100, 100, "%");
    }

    /** Runs the script with Pig over the extract's rows; returns what it wrote. */
    private TransformCounts transform(TransformScript script, LakeDirectory input, LakeDirectory output, LakeDirectory rejects,
                                      TaskContext context) throws IOException, PermanentFailure, InterruptedException {
        EtlEnvironment environment = definition.environment;
        Map<String, String> parameters = TransformScript.parameters(definition.scriptParameters, definition.spec, input, output,
                rejects, window());
        HadoopSetup hadoop = environment.hadoop();
        Configuration conf = hadoop.configuration(output.lake().hadoopSettings());
        new PartSizing(environment.transformParts()).applyTo(conf, input.hadoopPath());
        // Pig moves its input's filesystem to the job's working directory, "Wrong FS" unless both are the lake's
        conf.set(MRJobConfig.WORKING_DIR, input.hadoopPath());
        PigResult result = new PigRun(script, parameters).execute(conf, hadoop.jobJars(WarehouseStorage.class, List.of()),
                percent -> context.progress("transform", percent, 100, "%"));
        gatherRejects(output, rejects, conf);
        RejectSummary rejected = RejectSummary.of(rejects);
        Map<String, Long> elementRows = new LinkedHashMap<>();
        Map<String, Long> elementsDropped = new LinkedHashMap<>();
        for (String elements : elements()) {
            elementRows.put(elements, rows(output.beside(elements)));
            elementsDropped.put(elements, rows(rejects.beside(elements)));
        }
        return new TransformCounts(rows(output), rejected.count(), result.counter(WarehouseStorage.NULS_REPLACED),
                result.counter(ArrayColumns.ELEMENTS_DROPPED), rejected.byCause(), elementRows, elementsDropped);
    }

    /**
     * Moves the rejects the job wrote outside {@code rejects} in with the others: the documents the extract refused,
     * which Pig stored beside them ({@link TransformScript#EXTRACT_REJECTS}; {@code part-m-00000} becomes
     * {@code part-etl_documents-m-00000}), and the rows' rejects each task wrote beside its part of {@code output}
     * ({@link RowsAndRejects}; {@code rejects-m-00000} becomes {@code part-m-00000}). Rejects of none leave one empty
     * part, as a stage with no rows does.
     */
    private static void gatherRejects(LakeDirectory output, LakeDirectory rejects, Configuration conf) throws IOException {
        Path into = new Path(rejects.hadoopPath());
        FileSystem files = into.getFileSystem(conf);
        files.mkdirs(into);
        Path extractRejects = new Path(rejects.beside(TransformScript.EXTRACT_REJECTS).hadoopPath());
        move(files, extractRejects, "part", into, "part-" + TransformScript.EXTRACT_REJECTS);
        files.delete(extractRejects, true);
        move(files, new Path(output.hadoopPath()), RowsAndRejects.REJECTS, into, "part");
        if (rejects.parts().isEmpty()) {
            rejects.writeEmptyPart();
        }
    }

    /** Moves the files of {@code from} named {@code <prefix>-…} into {@code into}, each as {@code <renamed>-…}. */
    private static void move(FileSystem files, Path from, String prefix, Path into, String renamed) throws IOException {
        for (FileStatus file : files.listStatus(from, path -> path.getName().startsWith(prefix + "-"))) {
            Path moved = new Path(into, renamed + file.getPath().getName().substring(prefix.length()));
            if (!files.rename(file.getPath(), moved)) {
                throw new IOException("could not move " + file.getPath() + " to " + moved);
            }
        }
    }

    /** The names of the ETL's unwound arrays. */
    private List<String> elements() {
        return definition.spec.children().stream().map(Child::name).toList();
    }

    /** The folders a transform writes: its rows', its rejects', and each unwound array's in each. */
    private List<LakeDirectory> folders(LakeDirectory output, LakeDirectory rejects) {
        List<LakeDirectory> folders = new ArrayList<>(List.of(output, rejects));
        for (String elements : elements()) {
            folders.add(output.beside(elements));
            folders.add(rejects.beside(elements));
        }
        return folders;
    }

    /**
     * The rows the parts hold, counted from the files: Pig's own record counts of a script with several STOREs
     * come out short now and then when a job has several map tasks (measured at 1M rows), and the load reconciles
     * on this number.
     */
    private static long rows(LakeDirectory directory) throws IOException {
        long rows = 0;
        for (String part : directory.parts()) {
            try (InputStream in = directory.lake().open(directory.file(part))) {
                rows += Tsv.countRows(in);
            }
        }
        return rows;
    }

    /** The type and what its tasks share. */
    private static final class Definition {
        private final EtlSpec spec;
        private final Map<String, String> scriptParameters;
        private final Function<String, Table> table;
        private final TaskType<ExtractTask> extract;
        private final EtlEnvironment environment;
        private final TaskType<TransformTask> type;

        private Definition(EtlSpec spec, Map<String, String> scriptParameters, Function<String, Table> table,
                           TaskType<ExtractTask> extract, EtlEnvironment environment) {
            this.spec = spec;
            this.scriptParameters = Map.copyOf(scriptParameters);
            this.table = table;
            this.extract = extract;
            this.environment = environment;
            this.type = TaskType.of(spec.name() + "_transform",
                    "Transforms one window of " + spec.name() + " with pig/" + spec.name() + ".pig",
                    values -> new TransformTask(this, values),
                    WindowParameters.LOWER, WindowParameters.UPPER, WindowParameters.RELOAD, ExtractTask.ALLOW_UNINDEXED)
                    .lockedAs(spec.name());
        }
    }
}
