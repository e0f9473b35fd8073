package io.etl.cli;

import io.etl.history.HistoryReader;
import io.etl.history.RunRecord;
import io.etl.parameter.ParameterType;
import io.etl.scheduler.RunStatus;
import io.etl.task.TaskType;
import io.etl.window.Window;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The state of every ETL at one instant, read from the run history, the warehouse's load markers ({@link LoadHoles})
 * and the last audits ({@link LastAudit}): what {@code etl status} prints and {@code etl dashboard} draws. An ETL is
 * a task type with a {@code <name>_load} sibling, the shape every pipeline has.
 *
 * @param holesNotChecked why the warehouse was not read for the holes, if it was not
 */
record EtlStatuses(List<EtlStatus> statuses, Optional<String> holesNotChecked) {

    private static final String LOAD_SUFFIX = "_load";

    static EtlStatuses read(CliEnvironment environment, HistoryReader history, Instant now) {
        List<String> etls = environment.registry().types().stream()
                .map(TaskType::family)
                .filter(family -> environment.registry().find(family + LOAD_SUFFIX).isPresent())
                .sorted()
                .toList();
        LoadHoles holes = LoadHoles.read(environment.settings(), etls);
        return new EtlStatuses(etls.stream().map(etl -> status(etl, history, now, holes.of(etl),
                LastAudit.read(environment.state(), etl).orElse(null))).toList(), holes.notChecked());
    }

    private static EtlStatus status(String family, HistoryReader history, Instant now, List<Window> holes, LastAudit audit) {
        List<RunRecord> runs = history.runs(Optional.of(family));
        Optional<RunRecord> last = runs.stream().findFirst();
        NewFields newFields = NewFields.latest(runs).orElse(null);
        for (RunRecord run : runs) {
            RunLoad load = RunLoad.of(run, history);
            if (run.status().equals(RunStatus.SUCCESS.name()) && load.window().isPresent()) {
                Instant upper = ParameterType.INSTANT.parse(load.window().get().upper());
                return new EtlStatus(family, upper, load.rows().orElse(null), run.finishedAt(),
                        Duration.between(upper, now).truncatedTo(ChronoUnit.SECONDS), last.get().status(), last.get().startedAt(),
                        holes, audit, newFields);
            }
        }
        return new EtlStatus(family, null, null, null, null, last.map(RunRecord::status).orElse(null),
                last.map(RunRecord::startedAt).orElse(null), holes, audit, newFields);
    }
}
