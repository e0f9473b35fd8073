package io.etl.transform;

import io.etl.hadoop.HadoopJobs;

import java.io.IOException;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.pig.impl.plan.OperatorPlan;
import org.apache.pig.tools.pigstats.JobStats;
import org.apache.pig.tools.pigstats.OutputStats;
import org.apache.pig.tools.pigstats.PigProgressNotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Pig script's run tells the user: its percent done, and on a cluster each job's id and tracking URL, as the
 * extract's job announces its own.
 */
final class PigProgress implements PigProgressNotificationListener {

    private static final Logger LOG = LoggerFactory.getLogger(HadoopJobs.CLUSTER_JOBS_LOG);

    private final String script;
    private final IntConsumer percentDone;
    private final Optional<Configuration> cluster;

    /** @param cluster the cluster's configuration, to look up a job's tracking URL; empty in local mode */
    PigProgress(String script, IntConsumer percentDone, Optional<Configuration> cluster) {
        this.script = script;
        this.percentDone = percentDone;
        this.cluster = cluster;
    }

    @Override
    public void jobStartedNotification(String scriptId, String assignedJobId) {
        cluster.ifPresent(conf -> LOG.info("Hadoop job of {} is {}: track it at {}", script, assignedJobId, trackingUrl(conf, assignedJobId)));
    }

    @Override
    public void progressUpdatedNotification(String scriptId, int progress) {
        percentDone.accept(progress);
    }

    private static String trackingUrl(Configuration conf, String jobId) {
        Cluster cluster = null;
        try {
            cluster = new Cluster(conf);
            Job job = cluster.getJob(JobID.forName(jobId));
            return job == null ? "(unknown to the cluster)" : job.getTrackingURL();
        } catch (IOException | RuntimeException e) {
            return "(not available: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(not available: interrupted)";
        } finally {
            closeQuietly(cluster);
        }
    }

    /** The cluster client holds a connection to the resource manager; the URL is all this needed of it. */
    private static void closeQuietly(Cluster cluster) {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    @Override
    public void initialPlanNotification(String scriptId, OperatorPlan<?> plan) {
    }

    @Override
    public void launchStartedNotification(String scriptId, int numJobsToLaunch) {
    }

    @Override
    public void jobsSubmittedNotification(String scriptId, int numJobsSubmitted) {
    }

    @Override
    public void jobFinishedNotification(String scriptId, JobStats jobStats) {
    }

    @Override
    public void jobFailedNotification(String scriptId, JobStats jobStats) {
    }

    @Override
    public void outputCompletedNotification(String scriptId, OutputStats outputStats) {
    }

    @Override
    public void launchCompletedNotification(String scriptId, int numJobsSucceeded) {
    }
}
