package io.etl.transform;

import io.etl.task.PermanentFailure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.Counters;
import org.apache.pig.ExecType;
import org.apache.pig.PigServer;
import org.apache.pig.backend.executionengine.ExecJob;
import org.apache.pig.tools.pigstats.JobStats;
import org.apache.pig.tools.pigstats.PigStats;

/**
 * One run of a Pig script through {@link PigServer}: in local mode in this process, or in mapreduce mode on the
 * cluster the configuration points at. Every STORE of the script runs; the result tells what each wrote.
 */
record PigRun(PigScript script, Map<String, String> parameters) {

    /**
     * @return the records the script's STOREs wrote, and the counters its functions counted
     * @throws PermanentFailure if Pig rejects the script, naming the script and line
     * @throws IOException      if one of its jobs fails (it may pass on another attempt), naming the script and lines
     */
    PigResult execute(Configuration conf, boolean local) throws IOException, PermanentFailure {
        if (!local) {
            // Pig otherwise replaces the cluster's settings with its own defaults
            conf.setBoolean("pig.use.overriden.hadoop.configs", true);
        }
        PigServer pig = new PigServer(local ? ExecType.LOCAL : ExecType.MAPREDUCE, conf);
        try {
            pig.setBatchOn();
            try {
                pig.registerScript(new ByteArrayInputStream(script.text().getBytes(StandardCharsets.UTF_8)), parameters);
            } catch (IOException | RuntimeException e) {
                throw new PermanentFailure(PigErrors.ofScript(script, e), e);
            }
            List<ExecJob> jobs;
            try {
                jobs = pig.executeBatch();
            } catch (IOException | RuntimeException e) {
                throw new IOException(PigErrors.ofScript(script, e), e);
            }
            return result(jobs);
        } finally {
            pig.shutdown();
        }
    }

    /** What the batch wrote; its jobs share one {@link PigStats}, so each is counted once. */
    private PigResult result(List<ExecJob> jobs) throws IOException {
        Map<String, Long> counters = new HashMap<>();
        for (PigStats stats : jobs.stream().map(ExecJob::getStatistics).distinct().toList()) {
            Optional<JobStats> failed = stats.getJobGraph().getFailedJobs().stream().findFirst();
            if (failed.isPresent()) {
                throw new IOException(PigErrors.ofJob(script, failed.get()));
            }
            for (JobStats job : stats.getJobGraph()) {
                Counters jobCounters = job.getHadoopCounters();
                if (jobCounters != null) {
                    jobCounters.getGroup(WarehouseStorage.COUNTER_GROUP)
                            .forEach(counter -> counters.merge(counter.getName(), counter.getValue(), Long::sum));
                }
            }
        }
        return new PigResult(counters);
    }
}
