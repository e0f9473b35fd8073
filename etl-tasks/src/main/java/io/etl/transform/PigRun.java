package io.etl.transform;

import io.etl.task.PermanentFailure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.pig.ExecType;
import org.apache.pig.PigServer;
import org.apache.pig.backend.executionengine.ExecJob;
import org.apache.pig.tools.pigstats.JobStats;
import org.apache.pig.tools.pigstats.PigStats;

/**
 * One run of a Pig script through {@link PigServer}: in local mode in this process, or in mapreduce mode on the
 * cluster the configuration points at. Every STORE of the script runs; their records written are added up.
 */
record PigRun(PigScript script, Map<String, String> parameters) {

    /**
     * @return the records the script's STOREs wrote
     * @throws PermanentFailure if Pig rejects the script, naming the script and line
     * @throws IOException      if one of its jobs fails (it may pass on another attempt), naming the script and lines
     */
    long execute(Configuration conf, boolean local) throws IOException, PermanentFailure {
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
            return recordsWritten(jobs);
        } finally {
            pig.shutdown();
        }
    }

    /** The records written by the batch; its jobs share one {@link PigStats}, so each is counted once. */
    private long recordsWritten(List<ExecJob> jobs) throws IOException {
        long written = 0;
        for (PigStats stats : jobs.stream().map(ExecJob::getStatistics).distinct().toList()) {
            Optional<JobStats> failed = stats.getJobGraph().getFailedJobs().stream().findFirst();
            if (failed.isPresent()) {
                throw new IOException(PigErrors.ofJob(script, failed.get()));
            }
            written += stats.getRecordWritten();
        }
        return written;
    }
}
