package io.etl.extract;

import io.etl.concurrent.Daemons;
import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.spec.Field;
import io.etl.spec.FieldType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

import org.bson.BSONObject;

/**
 * The extract's map task: one TSV line per document ({@link DocumentRow}), with the fields the job names in
 * {@value #PATHS} and declares in {@value #TYPES}, and the lines of its unwound arrays ({@value #CHILDREN}) into the
 * named output {@value #ELEMENTS}, a folder per array ({@link #elementsFolder}), counted in the counter group
 * {@value #ELEMENTS}. When the job asks ({@value #PROFILE}), it also tallies the fields
 * the ETL does not declare ({@link UnmappedFieldProfile}) and leaves them in a file of its own beside its part, for
 * the extract to merge.
 */
public final class DocumentMapper extends Mapper<Object, BSONObject, NullWritable, Text> {

    /** The field paths in column order. */
    static final String PATHS = "etl.extract.paths";
    /** Their declared types, in the same order. */
    static final String TYPES = "etl.extract.types";
    /** The index of the key among them. */
    static final String KEY = "etl.extract.key";
    /** Whether to profile the fields the ETL does not declare. */
    static final String PROFILE = "etl.extract.profile.unmapped";
    /** The arrays unwound into child tables, each as tab-separated text ({@link #encode}). */
    static final String CHILDREN = "etl.extract.children";
    /** The named output, and the counter group, of the unwound arrays' lines. */
    static final String ELEMENTS = "elements";
    /** How many threads turn the task's documents into lines. */
    static final String THREADS = "etl.extract.threads";
    /** Documents handed to a converting thread at once, as many as the reader fetches at once. */
    private static final int BATCH = DocumentReader.BATCH_SIZE;

    private final Text line = new Text();
    private List<Child> children;
    private MultipleOutputs<NullWritable, Text> elements;
    private Conversion conversion;
    private int threads;

    /** @param threads how many threads convert each map task's documents (the reader and the writer are one each) */
    static void configure(Configuration conf, EtlSpec spec, boolean profileUnmapped, int threads) {
        conf.setInt(THREADS, threads);
        conf.setStrings(PATHS, spec.paths().toArray(String[]::new));
        conf.setStrings(TYPES, spec.fields().stream().map(field -> field.type().name()).toArray(String[]::new));
        conf.setInt(KEY, spec.keyIndex());
        conf.setBoolean(PROFILE, profileUnmapped);
        conf.setStrings(CHILDREN, spec.children().stream().map(DocumentMapper::encode).toArray(String[]::new));
    }

    /**
     * A child as text that needs nothing but this class to read on a cluster's nodes: its name, its array, whether
     * its elements are single values, then each field's path, column and type, separated by tabs (which no name
     * holds), and no comma (which separates the children).
     */
    static String encode(Child child) {
        List<String> parts = new ArrayList<>(List.of(child.name(), child.array(), String.valueOf(child.values())));
        child.fields().forEach(field -> parts.addAll(List.of(field.path(), field.column(), field.type().name())));
        return String.join("\t", parts);
    }

    static Child decode(String text) {
        String[] parts = text.split("\t");
        List<Field> fields = new ArrayList<>();
        for (int i = 3; i + 2 < parts.length; i += 3) {
            fields.add(Field.of(parts[i], parts[i + 1], FieldType.valueOf(parts[i + 2])));
        }
        return new Child(parts[0], parts[1], Boolean.parseBoolean(parts[2]), fields);
    }

    /** Where the lines of an unwound array go, within the extract's folder. */
    static String elementsFolder(Child child) {
        return child.name();
    }

    @Override
    protected void setup(Context context) {
        Configuration conf = context.getConfiguration();
        List<String> paths = List.of(conf.getStrings(PATHS));
        children = conf.getTrimmedStringCollection(CHILDREN).stream().map(DocumentMapper::decode).toList();
        List<FieldType> types = Arrays.stream(conf.getStrings(TYPES)).map(FieldType::valueOf).toList();
        int key = conf.getInt(KEY, 0);
        elements = children.isEmpty() ? null : new MultipleOutputs<>(context);
        List<String> declared = new ArrayList<>(paths);
        children.forEach(child -> declared.add(child.array()));
        boolean profile = conf.getBoolean(PROFILE, false);
        conversion = new Conversion(() -> DocumentRow.of(paths, types, key, children),
                profile ? Optional.of(() -> UnmappedFieldProfile.declaring(declared)) : Optional.empty());
        threads = conf.getInt(THREADS, 1);
    }

    /**
     * Converts on this thread, or with {@value #THREADS} above 1 on as many threads of its own, batch by batch,
     * while this one writes the lines of the batches in the order read: converting is most of a map task's work
     * (the reader fetches and decodes on a thread of its own), and one query feeds every thread.
     */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        setup(context);
        try {
            if (threads == 1) {
                while (context.nextKeyValue()) {
                    map(context.getCurrentKey(), context.getCurrentValue(), context);
                }
            } else {
                convertInParallel(context);
            }
        } finally {
            cleanup(context);
        }
    }

    @Override
    protected void map(Object key, BSONObject document, Context context) throws IOException, InterruptedException {
        write(conversion.lines(document), context);
    }

    private void convertInParallel(Context context) throws IOException, InterruptedException {
        ExecutorService converters = Daemons.pool(threads, "extract conversion");
        // twice as many batches as threads in hand: enough to keep them busy, few in memory
        Deque<Future<List<DocumentLines>>> converting = new ArrayDeque<>();
        try {
            List<BSONObject> batch = new ArrayList<>(BATCH);
            while (context.nextKeyValue()) {
                batch.add(context.getCurrentValue());
                if (batch.size() == BATCH) {
                    converting.add(convert(converters, batch));
                    batch = new ArrayList<>(BATCH);
                }
                if (converting.size() > 2 * threads) {
                    writeFirst(converting, context);
                }
            }
            converting.add(convert(converters, batch));
            while (!converting.isEmpty()) {
                writeFirst(converting, context);
            }
        } finally {
            converters.shutdownNow();
        }
    }

    private Future<List<DocumentLines>> convert(ExecutorService converters, List<BSONObject> documents) {
        return converters.submit(() -> conversion.lines(documents));
    }

    /** Writes the lines of the batch read first, once converted. */
    private void writeFirst(Deque<Future<List<DocumentLines>>> converting, Context context) throws IOException, InterruptedException {
        for (DocumentLines lines : Daemons.result(converting.removeFirst())) {
            write(lines, context);
        }
    }

    /** On the task's thread alone: its outputs and counters are not shared with the converting threads. */
    private void write(DocumentLines lines, Context context) throws IOException, InterruptedException {
        line.set(lines.line());
        context.write(NullWritable.get(), line);
        for (int c = 0; c < children.size(); c++) {
            List<String> childLines = lines.elements().get(c);
            String part = elementsFolder(children.get(c)) + "/part";
            for (String element : childLines) {
                line.set(element);
                elements.write(ELEMENTS, NullWritable.get(), line, part);
            }
            context.getCounter(ELEMENTS, children.get(c).name()).increment(childLines.size());
        }
    }

    /** Written where the task writes its part, so that the file is committed, or discarded, with it. */
    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
        if (elements != null) {
            elements.close();
        }
        Optional<UnmappedFields> profile = conversion.profile();
        if (profile.isEmpty()) {
            return;
        }
        Path file = new Path(FileOutputFormat.getWorkOutputPath(context),
                UnmappedFields.taskFile(context.getTaskAttemptID().getTaskID().getId()));
        try (FSDataOutputStream out = file.getFileSystem(context.getConfiguration()).create(file, true)) {
            out.write(profile.get().json().getBytes(StandardCharsets.UTF_8));
        }
    }
}
