package io.etl.extract;

import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.spec.Field;
import io.etl.spec.FieldType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    private final Text line = new Text();
    private DocumentRow row;
    private List<Child> children;
    private Optional<UnmappedFieldProfile> profile;
    private MultipleOutputs<NullWritable, Text> elements;

    static void configure(Configuration conf, EtlSpec spec, boolean profileUnmapped) {
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
    protected void setup(Context context) throws IOException {
        Configuration conf = context.getConfiguration();
        List<String> paths = List.of(conf.getStrings(PATHS));
        children = conf.getTrimmedStringCollection(CHILDREN).stream().map(DocumentMapper::decode).toList();
        row = DocumentRow.of(paths, Arrays.stream(conf.getStrings(TYPES)).map(FieldType::valueOf).toList(), conf.getInt(KEY, 0),
                children);
        elements = children.isEmpty() ? null : new MultipleOutputs<>(context);
        List<String> declared = new ArrayList<>(paths);
        children.forEach(child -> declared.add(child.array()));
        profile = conf.getBoolean(PROFILE, false) ? Optional.of(UnmappedFieldProfile.declaring(declared)) : Optional.empty();
    }

    @Override
    protected void map(Object key, BSONObject document, Context context) throws IOException, InterruptedException {
        line.set(row.line(document));
        context.write(NullWritable.get(), line);
        for (int c = 0; c < children.size(); c++) {
            List<String> lines = row.elementLines(c);
            String part = elementsFolder(children.get(c)) + "/part";
            for (String element : lines) {
                line.set(element);
                elements.write(ELEMENTS, NullWritable.get(), line, part);
            }
            context.getCounter(ELEMENTS, children.get(c).name()).increment(lines.size());
        }
        profile.ifPresent(fields -> fields.add(document));
    }

    /** Written where the task writes its part, so that the file is committed, or discarded, with it. */
    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
        if (elements != null) {
            elements.close();
        }
        if (profile.isEmpty()) {
            return;
        }
        Path file = new Path(FileOutputFormat.getWorkOutputPath(context),
                UnmappedFields.taskFile(context.getTaskAttemptID().getTaskID().getId()));
        try (FSDataOutputStream out = file.getFileSystem(context.getConfiguration()).create(file, true)) {
            out.write(profile.get().result().json().getBytes(StandardCharsets.UTF_8));
        }
    }
}
