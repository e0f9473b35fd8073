package io.etl.transform;

import io.etl.hadoop.JobError;
import io.etl.hadoop.JobJars;
import io.etl.task.PermanentFailure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.Counters;
import org.apache.pig.ExecType;
import org.apache.pig.PigServer;
import org.apache.pig.backend.executionengine.ExecJob;
import org.apache.pig.tools.pigstats.JobStats;
import org.apache.pig.tools.pigstats.PigStats;
import org.apache.pig.tools.pigstats.ScriptState;

/**
 * One run of a Pig script through {@link PigServer}: in local mode in this process, or in mapreduce mode on the
 * cluster the configuration points at. Every STORE of the script runs; the result tells what each wrote.
 */
record PigRun(TransformScript script, Map<String, String> parameters) {

    /** How long a cancelled run waits for Pig to see its jobs killed, before shutting Pig down anyway. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    /**
     * @param cluster     the jars the script's functions need on a cluster; empty to run in local mode
     * @param percentDone told how far the script's jobs are, now and then
     * @return the records the script's STOREs wrote, and the counters its functions counted
     * @throws PermanentFailure if Pig rejects the script (naming the script and line), or a job fails on the data
     * @throws IOException      if a job fails in a way another attempt may not (the network, the filesystem), naming
     *                          the script and lines
     * @throws InterruptedException if interrupted, once the jobs it started are killed
     */
    PigResult execute(Configuration conf, Optional<JobJars> cluster, IntConsumer percentDone)
            throws IOException, PermanentFailure, InterruptedException {
        if (cluster.isEmpty()) {
            return inProcess(() -> run(conf, cluster, percentDone));
        }
        return run(conf, cluster, percentDone);
    }

    private PigResult run(Configuration conf, Optional<JobJars> cluster, IntConsumer percentDone)
            throws IOException, PermanentFailure, InterruptedException {
        if (cluster.isPresent()) {
            // Pig otherwise replaces the cluster's settings with its own defaults
            conf.setBoolean("pig.use.overriden.hadoop.configs", true);
        }
        // no record counters per STORE: each costs a counter lookup by name for every row, and the transform counts
        // what it wrote from the files
        conf.setBoolean("pig.disable.counter", true);
        // Pig keeps a script state per thread and reuses it: without a fresh one, the listeners of this thread's
        // earlier runs would hear of this run's jobs
        ScriptState.start((ScriptState) null);
        PigServer pig = new PigServer(cluster.isPresent() ? ExecType.MAPREDUCE : ExecType.LOCAL, conf);
        // the state is the batch thread's too (inherited); its listeners hear of each job and the progress
        ScriptState.get().registerListener(
                new PigProgress(script.script().fileName(), percentDone, cluster.isPresent() ? Optional.of(conf) : Optional.empty()));
        try {
            // Pig ships its own jar and what is registered: our functions' jar, so the containers can load them
            for (Path jar : cluster.map(JobJars::all).orElse(List.of())) {
                pig.registerJar(jar.toString());
            }
            register(pig);
            return result(executeBatch(pig));
        } finally {
            pig.shutdown();
        }
    }

    /**
     * Plans the script in local mode and runs nothing: Pig parses it and works out every relation's fields, which
     * is where rows that are not their table's columns stop it ({@link LoadableRow#outputSchema}).
     *
     * @throws PermanentFailure if Pig rejects the script, naming the script and line
     */
    void plan(Configuration conf) throws IOException, PermanentFailure, InterruptedException {
        inProcess(() -> {
            ScriptState.start((ScriptState) null);
            PigServer pig = new PigServer(ExecType.LOCAL, conf);
            try {
                register(pig);
            } finally {
                pig.shutdown();
            }
            return null;
        });
    }

    /** What Pig does in this process: one thing at a time. */
    @FunctionalInterface
    private interface InProcess<T> {
        T run() throws IOException, PermanentFailure, InterruptedException;
    }

    /**
     * Runs Pig's work in this process alone: local mode keeps a job's state in statics (SchemaTupleBackend), which
     * another plan or local job started meanwhile resets, failing the first with "initialize was not called!". Workers
     * still read and load at once; on a cluster the jobs run in their own containers, and this is not needed.
     */
    private static <T> T inProcess(InProcess<T> work) throws IOException, PermanentFailure, InterruptedException {
        IN_PROCESS.lockInterruptibly();
        try {
            return work.run();
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** Registers the script as one batch, which Pig plans as it reads it. */
    private void register(PigServer pig) throws IOException, PermanentFailure, InterruptedException {
        pig.setBatchOn();
        try {
            pig.registerScript(new ByteArrayInputStream(script.text().getBytes(StandardCharsets.UTF_8)), parameters);
        } catch (IOException | RuntimeException e) {
            JobError.of(e).raise(PigErrors.ofScript(script, e));
        }
    }

    /**
     * Runs the batch on a thread of its own, as Pig waits for its jobs without heeding interrupts: an interrupt of
     * this thread (Ctrl-C, SIGTERM, a Jenkins abort) kills the jobs Pig started, on a cluster too, and then ends.
     */
    private List<ExecJob> executeBatch(PigServer pig) throws IOException, PermanentFailure, InterruptedException {
        FutureTask<List<ExecJob>> batch = new FutureTask<>(pig::executeBatch);
        Thread runner = new Thread(batch, "pig " + script.script().fileName());
        runner.start();
        try {
            return batch.get();
        } catch (InterruptedException e) {
            pig.getPigContext().getExecutionEngine().kill();
            runner.join(KILL_WAIT.toMillis());
            throw e;
        } catch (ExecutionException e) {
            return JobError.of(e.getCause()).raise(PigErrors.ofScript(script, e.getCause()));
        }
    }

    /** What the batch wrote; its jobs share one {@link PigStats}, so each is counted once. */
    private PigResult result(List<ExecJob> jobs) throws IOException, PermanentFailure, InterruptedException {
        Map<String, Long> counters = new HashMap<>();
        for (PigStats stats : jobs.stream().map(ExecJob::getStatistics).distinct().toList()) {
            Optional<JobStats> failed = stats.getJobGraph().getFailedJobs().stream().findFirst();
            if (failed.isPresent()) {
                JobError error = PigErrors.cause(failed.get());
                error.raise(PigErrors.ofJob(script, failed.get(), error));
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
