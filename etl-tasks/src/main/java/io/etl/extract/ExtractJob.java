package io.etl.extract;

import io.etl.hadoop.HadoopJobs;
import io.etl.hadoop.JobJars;
import io.etl.spec.EtlSpec;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.util.List;
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
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * The extract's MapReduce job: {@link WindowInputFormat} (mongo-hadoop's) reads the window's documents with the
 * split plan given, {@link DocumentMapper} writes them as TSV lines into the output directory. Map only.
 *
 * @param source          the collection, as mongo-hadoop takes it ({@code mongodb://host/db.collection})
 * @param profileUnmapped read whole documents and profile the fields the ETL does not declare; else read only the
 *                        declared fields ({@link Projection})
 */
record ExtractJob(String name, MongoClientURI source, BasicDBObject query, EtlSpec spec, SplitPlan splits,
                  String output, boolean profileUnmapped) {

    /** Where the mapper's libraries come from: mongo-hadoop-core and the MongoDB driver. */
    static final List<Class<?>> LIBRARIES = List.of(MongoInputFormat.class, MongoClient.class);

    /**
     * Runs the job in the given configuration and returns how many lines it wrote.
     *
     * @param jars     what the job ships to a cluster ({@link DocumentMapper}'s jar and {@link #LIBRARIES})
     * @param progress told the lines written so far, now and then
     */
    long run(Configuration conf, Optional<JobJars> jars, LongConsumer progress)
            throws IOException, PermanentFailure, InterruptedException {
        MongoConfigUtil.setInputURI(conf, source);
        MongoConfigUtil.setQuery(conf, query);
        if (!profileUnmapped) {
            MongoConfigUtil.setFields(conf, Projection.of(spec.paths()));
        }
        splits.applyTo(conf);
        DocumentMapper.configure(conf, spec, profileUnmapped);

        Job job = Job.getInstance(conf, name);
        job.setInputFormatClass(WindowInputFormat.class);
        job.setMapperClass(DocumentMapper.class);
        job.setNumReduceTasks(0);
        job.setOutputKeyClass(NullWritable.class);
        job.setOutputValueClass(Text.class);
        job.setOutputFormatClass(TextOutputFormat.class);
        FileOutputFormat.setOutputPath(job, new Path(output));
        HadoopJobs.run(job, jars, () -> progress.accept(linesWritten(job)));
        return linesWritten(job);
    }

    private static long linesWritten(Job job) throws IOException {
        return job.getCounters().findCounter(TaskCounter.MAP_OUTPUT_RECORDS).getValue();
    }
}
