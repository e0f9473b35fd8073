package io.etl.cli;

import io.etl.history.HistoryReader;
import io.etl.history.RunRecord;
import io.etl.model.ModelCatalog;
import io.etl.parameter.ParameterType;
import io.etl.scheduler.RunStatus;
import io.etl.task.TaskType;
import io.etl.window.Window;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The state of every ETL at one instant, read from the run history, the warehouse's load markers ({@link LoadHoles})
 * and the last audits ({@link LastAudit}): what {@code etl status} prints and {@code etl dashboard} draws. An ETL is
 * a task type with a {@code <name>_load} sibling, the shape every pipeline has; the SQL models follow the ETLs.
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
        List<String> models = environment.registry().groups().getOrDefault(ModelCatalog.HEADING, List.of()).stream()
                .map(TaskType::family).sorted().toList();
        LoadHoles holes = LoadHoles.read(environment.settings(), etls);
        return new EtlStatuses(Stream.concat(
                etls.stream().map(etl -> status(etl, Tracked.ETL, history, now, holes.of(etl),
                        LastAudit.read(environment.state(), etl).orElse(null))),
                models.stream().map(model -> status(model, Tracked.MODEL, history, now, List.of(), null))).toList(),
                holes.notChecked());
    }

    private static EtlStatus status(String family, Tracked kind, HistoryReader history, Instant now, List<Window> holes,
                                    LastAudit audit) {
        List<RunRecord> runs = history.runs(Optional.of(family));
        Optional<RunRecord> last = runs.stream().findFirst();
        NewFields newFields = NewFields.latest(runs).orElse(null);
        for (RunRecord run : runs) {
            RunLoad load = RunLoad.of(family, kind, run, history.attempts(run));
            Optional<Instant> upTo = load.window().map(window -> ParameterType.INSTANT.parse(window.upper()))
                    .or(() -> Optional.ofNullable(kind == Tracked.MODEL ? run.finishedAt() : null));
            if (run.status().equals(RunStatus.SUCCESS.name()) && upTo.isPresent()) {
                Instant upper = upTo.get();
                return new EtlStatus(family, kind, upper, load.rows().orElse(null), run.finishedAt(),
                        Duration.between(upper, now).truncatedTo(ChronoUnit.SECONDS), last.get().status(), last.get().startedAt(),
                        holes, audit, newFields);
            }
        }
        return new EtlStatus(family, kind, null, null, null, null, last.map(RunRecord::status).orElse(null),
                last.map(RunRecord::startedAt).orElse(null), holes, audit, newFields);
    }
}
