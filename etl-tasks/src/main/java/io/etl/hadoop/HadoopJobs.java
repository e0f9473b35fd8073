package io.etl.hadoop;

import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.util.Optional;

import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs MapReduce jobs quietly: no console output, progress to a probe, and a failure's cause in the exception. */
public final class HadoopJobs {

    /** As often as the scheduler shows progress; on a cluster each poll is a call to the application master. */
    private static final long POLL_MILLIS = 250;
    /**
     * Where every cluster job (the extract's, Pig's) is announced with its tracking URL: one logger, which the CLI
     * shows even when quiet. A constant, so that naming it loads nothing.
     */
    public static final String CLUSTER_JOBS_LOG = "io.etl.hadoop.jobs";
    private static final Logger LOG = LoggerFactory.getLogger(CLUSTER_JOBS_LOG);

    private HadoopJobs() {
    }

    /** Called while a job runs, a few times a second. */
    @FunctionalInterface
    public interface Probe {
        void poll() throws IOException;
    }

    /**
     * Submits the job and waits for it; an interrupt, or any failure while waiting, kills the job (on a cluster too).
     *
     * @param jars what the job ships to a cluster's containers; empty in local mode
     * @throws IOException       naming the job and what its failed tasks reported, when another attempt may pass
     * @throws PermanentFailure  the same, when a task failed on the data or a bug ({@link JobError})
     */
    public static void run(Job job, Optional<JobJars> jars, Probe probe) throws IOException, PermanentFailure, InterruptedException {
        jars.ifPresent(shipped -> shipped.applyTo(job));
        try {
            job.submit();
        } catch (ClassNotFoundException e) {
            throw new IOException("Hadoop job '" + job.getJobName() + "' cannot load " + e.getMessage(), e);
        }
        if (jars.isPresent()) {
            LOG.info("Hadoop job '{}' is {}: track it at {}", job.getJobName(), job.getJobID(), job.getTrackingURL());
        }
        boolean complete = false;
        try {
            while (!job.isComplete()) {
                probe.poll();
                Thread.sleep(POLL_MILLIS);
            }
            complete = true;
        } finally {
            if (!complete) {
                kill(job);
            }
        }
        if (!job.isSuccessful()) {
            JobError error = failure(job);
            error.raise("Hadoop job '" + job.getJobName() + "' failed: " + error.cause());
        }
    }

    /**
     * Kills a job left unfinished: interrupted while sleeping, or while asking the cluster (an interrupted RPC fails as
     * an IOException, with the thread still interrupted, which would fail the kill's own RPC too).
     */
    private static void kill(Job job) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            job.killJob();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What failed: a task's diagnostics on a cluster; in local mode, the exception the runner logged. */
    private static JobError failure(Job job) throws IOException, InterruptedException {
        for (TaskCompletionEvent event : job.getTaskCompletionEvents(0, 100)) {
            if (event.getStatus() == TaskCompletionEvent.Status.FAILED) {
                for (String diagnostics : job.getTaskDiagnostics(event.getTaskAttemptId())) {
                    return JobError.ofDiagnostics(diagnostics);
                }
            }
        }
        Optional<Throwable> local = HadoopLog.taskError(job.getJobID().toString());
        if (local.isPresent()) {
            return JobError.of(local.get());
        }
        String info = job.getStatus().getFailureInfo();
        return new JobError(info == null || info.isBlank() || info.equals("NA") ? "no task reported why" : info, true, Optional.empty());
    }
}
