package io.etl.bench;

import io.etl.hadoop.HadoopSetup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.jobhistory.JobHistoryParser;
import org.apache.hadoop.mapreduce.jobhistory.JobHistoryParser.JobInfo;
import org.apache.hadoop.mapreduce.jobhistory.JobHistoryParser.TaskAttemptInfo;
import org.apache.hadoop.yarn.client.api.YarnClient;

/**
 * Where the cluster benchmark's YARN jobs spent their time, from the history files their application masters wrote
 * on HDFS: per job, submission to the application master's start (scheduling, localizing, JVM start), the master's
 * setup, its start of the first task, the tasks (first start to last end, container JVM starts included), then the
 * job's end (commit, history); and the tasks' CPU and GC time from the job's counters.
 *   args: the cluster's configuration folder
 */
public final class JobTimes {

    /** An application master writes its history as it exits, a moment after the client saw the job complete. */
    private static final long HISTORY_WAIT_MILLIS = 60_000;

    private JobTimes() {
    }

    public static void main(String[] args) throws Exception {
        Configuration conf = new HadoopSetup(Optional.of(Path.of(args[0])), Path.of("."), 1).configuration(Map.of());
        FileSystem fs = FileSystem.get(conf);
        List<JobInfo> jobs = histories(fs, applications(conf));
        jobs.sort(Comparator.comparingLong(JobInfo::getSubmitTime));
        jobs.forEach(job -> System.out.println(describe(job)));
    }

    private static int applications(Configuration conf) throws Exception {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(conf);
            yarn.start();
            return yarn.getApplications(Set.of("MAPREDUCE")).size();
        }
    }

    /** The finished jobs' histories, once there is one per application (or the wait is over). */
    private static List<JobInfo> histories(FileSystem fs, int applications) throws Exception {
        long deadline = System.currentTimeMillis() + HISTORY_WAIT_MILLIS;
        List<org.apache.hadoop.fs.Path> files = finishedHistoryFiles(fs);
        while (files.size() < applications && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            files = finishedHistoryFiles(fs);
        }
        List<JobInfo> jobs = new ArrayList<>();
        for (org.apache.hadoop.fs.Path file : files) {
            jobs.add(new JobHistoryParser(fs, file).parse());
        }
        return jobs;
    }

    /**
     * A finished job's history file is named {@code <job id>-<submit time>-…-<status>-….jhist} (a running job's, just
     * {@code <job id>_<attempt>.jhist}); the history server moves it from an intermediate folder to its done folder.
     */
    private static List<org.apache.hadoop.fs.Path> finishedHistoryFiles(FileSystem fs) throws Exception {
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        Set<String> jobIds = new HashSet<>();
        RemoteIterator<LocatedFileStatus> all = fs.listFiles(new org.apache.hadoop.fs.Path("/"), true);
        while (all.hasNext()) {
            org.apache.hadoop.fs.Path file = all.next().getPath();
            String name = file.getName();
            if (name.endsWith(".jhist") && name.contains("-") && jobIds.add(name.substring(0, name.indexOf('-')))) {
                files.add(file);
            }
        }
        return files;
    }

    private static String describe(JobInfo job) {
        long amStart = job.getAMInfos().get(0).getStartTime();
        List<TaskAttemptInfo> attempts = job.getAllTasks().values().stream()
                .flatMap(task -> task.getAllTaskAttempts().values().stream()).toList();
        long firstTask = attempts.stream().mapToLong(TaskAttemptInfo::getStartTime).min().orElse(job.getLaunchTime());
        long lastTask = attempts.stream().mapToLong(TaskAttemptInfo::getFinishTime).max().orElse(firstTask);
        long longest = attempts.stream().mapToLong(a -> a.getFinishTime() - a.getStartTime()).max().orElse(0);
        return String.format("    %s %s: %s = to AM start %s + AM setup %s + to first task %s + tasks %s + to job end %s;"
                        + " %d task attempt(s), longest %s; tasks' CPU %s, GC %s",
                job.getJobId(), job.getJobname(), seconds(job.getFinishTime() - job.getSubmitTime()),
                seconds(amStart - job.getSubmitTime()), seconds(job.getLaunchTime() - amStart),
                seconds(firstTask - job.getLaunchTime()), seconds(lastTask - firstTask), seconds(job.getFinishTime() - lastTask),
                attempts.size(), seconds(longest), seconds(counter(job, TaskCounter.CPU_MILLISECONDS)),
                seconds(counter(job, TaskCounter.GC_TIME_MILLIS)));
    }

    private static long counter(JobInfo job, TaskCounter counter) {
        return job.getTotalCounters().findCounter(counter).getValue();
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }
}
