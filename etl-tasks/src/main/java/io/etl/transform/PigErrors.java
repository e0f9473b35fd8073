package io.etl.transform;

import java.util.Arrays;
import java.util.List;
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
    static String ofScript(PigScript script, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Matcher location = cause.getMessage() == null ? null : LOCATION.matcher(cause.getMessage());
            if (location != null && location.find()) {
                return script.fileName() + " line " + location.group(1) + ", column " + location.group(2) + ": "
                        + cause.getMessage().substring(location.end()).trim();
            }
        }
        return script.fileName() + ": " + innermost(error).getMessage();
    }

    /**
     * A message for a job of the script that failed while running: the script and the lines where the job's
     * aliases are assigned (Pig's own positions are often missing at run time).
     */
    static String ofJob(PigScript script, JobStats job) {
        List<String> lines = script.text().lines().toList();
        String aliases = Arrays.stream(String.valueOf(job.getAlias()).split(","))
                .map(alias -> alias + assignedAt(lines, alias))
                .collect(Collectors.joining(", "));
        return script.fileName() + ": the Pig job of " + aliases + " failed: " + cause(job);
    }

    private static String cause(JobStats job) {
        if (job.getJobId() == null) {
            return "it could not be submitted: " + rootCause(job.getErrorMessage());
        }
        if (job.getException() != null) {
            return innermost(job.getException()).getMessage();
        }
        return "the task's error is in the Hadoop log (" + job.getErrorMessage() + ")";
    }

    private static String assignedAt(List<String> lines, String alias) {
        Pattern assignment = Pattern.compile("\\s*" + Pattern.quote(alias) + "\\s*=[^=].*");
        for (int i = 0; i < lines.size(); i++) {
            if (assignment.matcher(lines.get(i)).matches()) {
                return " (line " + (i + 1) + ")";
            }
        }
        return "";
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
