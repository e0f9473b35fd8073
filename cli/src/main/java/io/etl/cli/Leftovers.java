package io.etl.cli;

import io.etl.config.Settings;
import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.hadoop.HadoopSetup;
import io.etl.lake.Lake;
import io.etl.lake.LakeLeftovers;
import io.etl.lake.LocalLake;
import io.etl.task.Failures;
import io.etl.task.TaskGroup;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Before the first task of a run, removes what runs that never finished left in the state directory: the
 * uncommitted stage folders of the run's ETL in a local lake (the run holds the ETL's lock, so none of its stages is
 * writing), and the Hadoop scratch files older than {@link #SCRATCH_KEPT}, which every ETL shares. It names what it
 * removed from the lake in one line; failing to remove is a warning, never the run's failure.
 */
final class Leftovers implements RunListener {

    /** Longer than any run: scratch files that old belong to no job still running. */
    static final Duration SCRATCH_KEPT = Duration.ofDays(1);

    private final Settings settings;
    private final PrintWriter err;

    Leftovers(Settings settings, PrintWriter err) {
        this.settings = settings;
        this.err = err;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            try (Lake lake = Lake.open(settings)) {
                if (lake instanceof LocalLake local) {
                    List<String> removed = new ArrayList<>();
                    for (String etl : TaskGroup.lockNames(started.root())) {
                        removed.addAll(new LakeLeftovers(local).remove(etl));
                    }
                    if (!removed.isEmpty()) {
                        err.println("etl: removed what runs that did not finish left in the lake: " + String.join(", ", removed));
                    }
                }
                HadoopSetup.from(settings, System.getenv()).pruneScratch(started.at().minus(SCRATCH_KEPT));
            } catch (IOException | RuntimeException e) {
                err.println("etl: warning: " + settings.mask("cannot remove what earlier runs left: " + Failures.firstLine(e)));
            }
            err.flush();
        }
    }
}
