package io.etl.extract;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.environment.EtlEnvironment;
import io.etl.hadoop.HadoopSetup;
import io.etl.lake.LakeDirectory;
import io.etl.lake.Stage;
import io.etl.mongo.MongoSource;
import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.task.PermanentFailure;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;
import io.etl.window.Window;
import io.etl.window.WindowParameters;
import io.etl.window.WindowTask;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one window of an ETL's collection into the lake as TSV ({@code {etl}/{window}/extract/part-*}), with a
 * MapReduce job over mongo-hadoop. It checks the cursor index first, counts the window, and flags the output
 * complete only when the job wrote exactly that many lines; the counts stay next to the parts for the load, and so do
 * the fields the documents had that the ETL does not declare ({@link UnmappedFields}), which its summary names. A
 * window of no document starts no job: it writes the empty part such a job would.
 */
public final class ExtractTask extends WindowTask {

    public static final Parameter<Boolean> ALLOW_UNINDEXED = Parameter.flag("allow-unindexed").insignificant()
            .describedAs("extract even if the cursor field has no index (every run scans the collection)");
    public static final SettingKey<Boolean> PROFILE_UNMAPPED = SettingKey.of("extract.unmapped.fields", SettingType.bool(), "true",
            "Read whole documents and report the fields the ETL does not declare; false reads only the declared fields");

    private final Definition definition;

    private ExtractTask(Definition definition, ParameterValues values) {
        super(definition.type, values);
        this.definition = definition;
    }

    /** What must hold before an extract reads its window, such as the transform's script fitting the declaration. */
    @FunctionalInterface
    public interface Precondition {
        Precondition NONE = window -> { };

        /** @throws PermanentFailure saying what to fix, so that nothing is read */
        void check(Window window) throws Exception;
    }

    /** The extract of one ETL: family {@code <name>_extract}. */
    public static TaskType<ExtractTask> type(EtlSpec spec, EtlEnvironment environment) {
        return type(spec, environment, Precondition.NONE);
    }

    /** The extract of one ETL, which reads its window once {@code before} holds. */
    public static TaskType<ExtractTask> type(EtlSpec spec, EtlEnvironment environment, Precondition before) {
        return new Definition(spec, environment, before).type;
    }

    @Override
    public List<LakeDirectory> output() {
        return List.of(Stage.EXTRACT.directory(definition.environment.lake(), definition.spec.name(), window(), reload()));
    }

    @Override
    public void run(TaskContext context) throws Exception {
        definition.before.check(window());
        EtlSpec spec = definition.spec;
        MongoSource source = definition.environment.mongo();
        WindowFilter filter = new WindowFilter(spec.cursorField(), window());
        long matched = countWindow(source, filter, context);
        context.record("documents_matched", matched);

        HadoopSetup hadoop = definition.environment.hadoop();
        SplitPlan splits = SplitPlan.forCount(matched, definition.environment.splitSize());
        LakeDirectory output = output().get(0);
        output.clear();
        context.progress("extract", 0, matched, "documents");
        boolean profile = definition.environment.settings().get(PROFILE_UNMAPPED);
        ExtractJob.Written written = matched == 0 ? new ExtractJob.Written(output.writeEmptyPart(), noElements(spec))
                : runJob(source, filter, splits, output, profile, lines -> context.progress("extract", lines, matched, "documents"), hadoop);
        context.progress("extract", written.lines(), matched, "documents");
        context.record("rows_extracted", written.lines());
        if (written.lines() != matched) {
            throw new WindowChanged("extract of " + source.describe(spec.collection()) + " in " + window() + " wrote "
                    + written.lines() + " rows but the window matched " + matched + " documents: documents were written into or "
                    + "removed from the window while the extract ran; " + output + " is left incomplete for the next attempt");
        }
        for (Child child : spec.children()) {
            LakeDirectory elements = output.within(DocumentMapper.elementsFolder(child));
            if (elements.parts().isEmpty()) {
                elements.writeEmptyPart(); // the transform reads every array's folder, even with no element in the window
            }
            context.record(child.name() + "_elements_extracted", written.elements().get(child.name()));
        }
        new ExtractCounts(spec.name(), spec.collection(), window().lower(), window().upper(), matched, written.lines(),
                splits.splits(), written.elements()).writeTo(output);
        if (profile) {
            reportUnmapped(mergeUnmapped(output), output, context);
        }
        output.markComplete();
    }

    /** The map tasks' files of fields the ETL does not declare, merged into the extract's {@value UnmappedFields#FILE}. */
    private static UnmappedFields mergeUnmapped(LakeDirectory output) throws IOException {
        List<UnmappedFields> tasks = new ArrayList<>();
        for (String file : output.files(UnmappedFields.TASK_FILE_PREFIX)) {
            tasks.add(UnmappedFields.parse(output.read(file)));
        }
        UnmappedFields merged = UnmappedFields.merge(tasks);
        output.write(UnmappedFields.FILE, merged.json());
        return merged;
    }

    private void reportUnmapped(UnmappedFields unmapped, LakeDirectory output, TaskContext context) {
        context.record("fields_unmapped", unmapped.fields().size());
        if (!unmapped.isEmpty()) {
            context.note(UnmappedFieldsNote.of(unmapped, definition.spec.collection(), output));
        }
    }

    private static Map<String, Long> noElements(EtlSpec spec) {
        Map<String, Long> none = new LinkedHashMap<>();
        spec.children().forEach(child -> none.put(child.name(), 0L));
        return none;
    }

    /** Runs the MapReduce job that writes the window's documents into the output; returns what it wrote. */
    private ExtractJob.Written runJob(MongoSource source, WindowFilter filter, SplitPlan splits, LakeDirectory output, boolean profile,
                        LongConsumer progress, HadoopSetup hadoop) throws IOException, PermanentFailure, InterruptedException {
        EtlSpec spec = definition.spec;
        ExtractJob job = new ExtractJob("extract " + spec.name() + " " + window().pathName(),
                source.collectionUri(spec.collection()), filter.query(), spec, splits, output.hadoopPath(), profile,
                hadoop.mapsAtOnce());
        return job.run(hadoop.configuration(output.lake().hadoopSettings()),
                hadoop.jobJars(DocumentMapper.class, ExtractJob.LIBRARIES), progress);
    }

    /**
     * Counts the window's documents, once sure that the cursor index will serve the count and the job: the index check
     * (which checks the collection only when it finds no index), then the count and the unselectable documents' survey
     * at once ({@link UnselectableDocuments#survey}).
     */
    private long countWindow(MongoSource source, WindowFilter filter, TaskContext context) throws IOException, PermanentFailure {
        String collectionName = definition.spec.collection();
        return source.query(database -> {
            MongoCollection<Document> collection = database.getCollection(collectionName);
            requireCursorIndex(source, database, collection);
            UnselectableDocuments.Survey survey = UnselectableDocuments.survey(collection, filter);
            UnselectableDocuments.report(survey.unselectable(), source.describe(collectionName), context);
            return survey.matched();
        });
    }

    /** A collection without the index is refused, unless allowed; a missing collection or database is named as such. */
    private void requireCursorIndex(MongoSource source, MongoDatabase database, MongoCollection<Document> collection)
            throws PermanentFailure {
        EtlSpec spec = definition.spec;
        if (CursorIndex.exists(collection, spec.cursorField())) {
            return;
        }
        SourceCollection.requireExists(source, database, spec.collection());
        if (!get(ALLOW_UNINDEXED)) {
            throw CursorIndex.missing(source.describe(spec.collection()), spec.collection(), spec.cursorField());
        }
        log().warn("{} has no index on '{}': the extract scans the whole collection", source.describe(spec.collection()),
                spec.cursorField());
    }

    /** Not a constant: the type is created on every start of the CLI, and a logger would start logging up (0.1 s). */
    private static Logger log() {
        return LoggerFactory.getLogger(ExtractTask.class);
    }

    /** The type and what its tasks share: the ETL's spec and the environment. */
    private static final class Definition {
        private final EtlSpec spec;
        private final EtlEnvironment environment;
        private final Precondition before;
        private final TaskType<ExtractTask> type;

        private Definition(EtlSpec spec, EtlEnvironment environment, Precondition before) {
            this.spec = spec;
            this.environment = environment;
            this.before = before;
            this.type = TaskType.of(spec.name() + "_extract",
                    "Extracts one window of " + spec.collection() + " from MongoDB into the lake",
                    values -> new ExtractTask(this, values),
                    WindowParameters.LOWER, WindowParameters.UPPER, WindowParameters.RELOAD, ALLOW_UNINDEXED).lockedAs(spec.name());
        }
    }
}
