package io.etl.extract;

import io.etl.hadoop.HadoopJobs;
import io.etl.hadoop.JobJars;
import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import com.mongodb.BasicDBObject;
import com.mongodb.MongoClient;
import com.mongodb.MongoClientURI;
import com.mongodb.hadoop.MongoInputFormat;
import com.mongodb.hadoop.util.MongoConfigUtil;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * The extract's MapReduce job: {@link WindowInputFormat} (mongo-hadoop's) reads the window's documents with the
 * split plan given, {@link DocumentMapper} writes them as TSV lines into the output directory. Map only.
 *
 * @param source          the collection, as mongo-hadoop takes it ({@code mongodb://host/db.collection})
 * @param profileUnmapped read whole documents and profile the fields the ETL does not declare; else read only the
 *                        declared fields ({@link Projection})
 * @param threads         how many threads of each map task convert its documents ({@link DocumentMapper#run})
 */
record ExtractJob(String name, MongoClientURI source, BasicDBObject query, EtlSpec spec, SplitPlan splits,
                  String output, boolean profileUnmapped, int threads) {

    /** Where the mapper's libraries come from: mongo-hadoop-core and the MongoDB driver. */
    static final List<Class<?>> LIBRARIES = List.of(MongoInputFormat.class, MongoClient.class);

    /** What the job wrote: a line per document, and the lines of each unwound array by its name. */
    record Written(long lines, Map<String, Long> elements) {
    }

    /**
     * Runs the job in the given configuration and returns what it wrote.
     *
     * @param jars     what the job ships to a cluster ({@link DocumentMapper}'s jar and {@link #LIBRARIES})
     * @param progress told the lines written so far, now and then
     */
    Written run(Configuration conf, Optional<JobJars> jars, LongConsumer progress)
            throws IOException, PermanentFailure, InterruptedException {
        MongoConfigUtil.setInputURI(conf, source);
        MongoConfigUtil.setQuery(conf, query);
        if (!profileUnmapped) {
            MongoConfigUtil.setFields(conf, Projection.of(spec.readPaths()));
        }
        splits.applyTo(conf);
        DocumentMapper.configure(conf, spec, profileUnmapped, threads);

        Job job = Job.getInstance(conf, name);
        job.setInputFormatClass(WindowInputFormat.class);
        job.setMapperClass(DocumentMapper.class);
        job.setNumReduceTasks(0);
        job.setOutputKeyClass(NullWritable.class);
        job.setOutputValueClass(Text.class);
        job.setOutputFormatClass(TextOutputFormat.class);
        FileOutputFormat.setOutputPath(job, new Path(output));
        if (!spec.children().isEmpty()) {
            MultipleOutputs.addNamedOutput(job, DocumentMapper.ELEMENTS, TextOutputFormat.class, NullWritable.class, Text.class);
        }
        HadoopJobs.run(job, jars, () -> progress.accept(linesWritten(job)));
        Map<String, Long> elements = new LinkedHashMap<>();
        for (Child child : spec.children()) {
            elements.put(child.name(), job.getCounters().findCounter(DocumentMapper.ELEMENTS, child.name()).getValue());
        }
        return new Written(linesWritten(job), elements);
    }

    private static long linesWritten(Job job) throws IOException {
        return job.getCounters().findCounter(TaskCounter.MAP_OUTPUT_RECORDS).getValue();
    }
}
