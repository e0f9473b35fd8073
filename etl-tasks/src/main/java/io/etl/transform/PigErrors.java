package io.etl.transform;

import io.etl.hadoop.HadoopLog;
import io.etl.hadoop.JobError;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.pig.tools.pigstats.JobStats;

/**
 * Pig's errors as a user can act on them: the script and line first, then Pig's own words, without the layers
 * of wrapping exceptions and the Hadoop log.
 */
final class PigErrors {

    /** Pig's location marker, such as {@code <line 3, column 12>} or {@code <file x.pig, line 3, column 12>}. */
    private static final Pattern LOCATION = Pattern.compile("<(?:file [^>]*?, )?line (\\d+), column (\\d+)>\\s*");

    private PigErrors() {
    }

    /** A message for an error Pig raised while reading the script: {@code x.pig line 3, column 12: …}. */
    static String ofScript(TransformScript script, Throwable error) {
        String fileName = script.script().fileName();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RowContract.Mismatch mismatch) {
                return fileName + ": " + mismatch.getMessage();
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Matcher location = cause.getMessage() == null ? null : LOCATION.matcher(cause.getMessage());
            if (location != null && location.find()) {
                int line = script.scriptLine(Integer.parseInt(location.group(1)));
                return fileName + (line > 0 ? " line " + line + ", column " + location.group(2) : " (the generated part around it)")
                        + ": " + cause.getMessage().substring(location.end()).trim();
            }
        }
        return fileName + ": " + innermost(error).getMessage();
    }

    /**
     * A message for a job of the script that failed while running: the script and the lines where the job's
     * aliases are assigned (Pig's own positions are often missing at run time), then why.
     */
    static String ofJob(TransformScript transform, JobStats job, JobError error) {
        PigScript script = transform.script();
        List<String> lines = script.text().lines().toList();
        // the aliases the ETL's script assigns: the generated ones and Pig's own are not the user's to find
        String aliases = Arrays.stream(String.valueOf(job.getAlias()).split(","))
                .map(alias -> assignedAt(lines, alias).map(line -> alias + " (line " + line + ")"))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(", "));
        return script.fileName() + ": the Pig job of " + aliases + " failed: " + error.cause();
    }

    /**
     * Why a job failed: what stopped its submission, the task's error Pig recovered (on a cluster), or the one the
     * local runner logged.
     */
    static JobError cause(JobStats job) throws InterruptedException {
        if (job.getJobId() == null) {
            JobError submission = JobError.ofDiagnostics(rootCause(job.getErrorMessage()));
            return new JobError("it could not be submitted: " + submission.cause(), submission.transientCause(), Optional.empty());
        }
        if (job.getException() != null) {
            return JobError.of(job.getException());
        }
        return HadoopLog.taskError(job.getJobId()).map(JobError::of)
                .orElseGet(() -> new JobError(String.valueOf(job.getErrorMessage()), true, Optional.empty()));
    }

    private static Optional<Integer> assignedAt(List<String> lines, String alias) {
        Pattern assignment = Pattern.compile("\\s*" + Pattern.quote(alias) + "\\s*=[^=].*");
        for (int i = 0; i < lines.size(); i++) {
            if (assignment.matcher(lines.get(i)).matches()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** The last "Caused by" of a stack trace as text (all Pig keeps of a submission's failure), or its first line. */
    private static String rootCause(String trace) {
        List<String> lines = String.valueOf(trace).lines().toList();
        return lines.stream().filter(line -> line.startsWith("Caused by: ")).reduce((first, last) -> last)
                .map(line -> line.substring("Caused by: ".length())).orElse(lines.isEmpty() ? "" : lines.get(0));
    }

    private static Throwable innermost(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
