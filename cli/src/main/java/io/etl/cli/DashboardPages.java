package io.etl.cli;

import io.etl.config.Settings;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.SummaryText;
import io.etl.scheduler.TaskState;
import io.etl.targets.LocalFileTarget;
import io.etl.window.Window;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pages of {@code etl dashboard}: {@code index.html}, a table of every ETL, and {@code <etl>.html} per ETL with its
 * charts, problems, holes and runs. Self-contained (inline style and SVG, no script, nothing fetched), so that they read
 * the same from a folder, a file:// URL or a Jenkins artifact. Every text from the history is masked before it is escaped.
 */
record DashboardPages(Path folder, Settings settings, Instant now, int days) {

    static final String INDEX = "index.html";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);

    /** Writes the index and each ETL's page; returns how many pages it wrote. */
    int write(List<EtlDashboard> etls, Optional<String> holesNotChecked) throws Exception {
        Map<String, Object> index = page();
        index.put("etls", etls.stream().map(this::indexRow).toList());
        index.put("holesNotChecked", holesNotChecked.map(settings::mask).orElse(""));
        LocalFileTarget.at(folder.resolve(INDEX)).writeString(Pages.render("dashboard-index.html.jinja", index));
        for (EtlDashboard etl : etls) {
            LocalFileTarget.at(folder.resolve(etl.page())).writeString(Pages.render("dashboard-etl.html.jinja", etlPage(etl)));
        }
        return etls.size() + 1;
    }

    /** What every page has. */
    private Map<String, Object> page() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("generated", TIME.format(now));
        page.put("days", days);
        page.put("index", INDEX);
        return page;
    }

    /** The ETL's row of the index, and the figures atop its page. */
    private Map<String, Object> summary(EtlDashboard etl) {
        EtlStatus status = etl.status();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", etl.name());
        summary.put("page", etl.page());
        summary.put("lastRun", status.lastRunStatus() == null ? "never run" : status.lastRunStatus());
        summary.put("colour", status.lastRunStatus() == null ? StateColour.of(TaskState.NOT_RUN)
                : StateColour.ofRun(status.lastRunStatus()));
        summary.put("lastRunAt", status.lastRunAt() == null ? "" : TIME.format(status.lastRunAt()));
        summary.put("loadedUpTo", status.loadedUpTo() == null ? "never loaded" : TIME.format(status.loadedUpTo()));
        summary.put("lag", status.lag() == null ? "-" : age(status.lag()));
        summary.put("lastRows", status.rows() == null ? "-" : count(status.rows()));
        summary.put("failures", etl.failures());
        summary.put("holes", holes(status.holes()));
        summary.put("hasHoles", status.holes() != null && !status.holes().isEmpty());
        summary.put("audit", status.lastAudit() == null ? "none" : status.lastAudit().summary(EtlStatus.TIME));
        summary.put("auditDiffers", status.lastAudit() != null && status.lastAudit().differing() > 0);
        return summary;
    }

    /** The ETL's row of the index: its figures and a sparkline of the rows each run loaded. */
    private Map<String, Object> indexRow(EtlDashboard etl) {
        Map<String, Object> row = summary(etl);
        row.put("spark", BarChart.layout(BarChart.Frame.SPARKLINE, rowsColumns(etl), DashboardPages::count));
        return row;
    }

    private Map<String, Object> etlPage(EtlDashboard etl) {
        Map<String, Object> page = page();
        page.put("etl", summary(etl));
        page.put("rowsChart", BarChart.layout(BarChart.Frame.PANEL, rowsColumns(etl), DashboardPages::count));
        page.put("stagesChart", BarChart.layout(BarChart.Frame.PANEL, etl.oldestFirst().stream().map(this::stagesColumn).toList(),
                millis -> SummaryText.duration(Duration.ofMillis(millis))));
        page.put("stages", List.of(EtlStage.values()).stream().map(s -> Map.of("label", s.label(), "colour", s.colour())).toList());
        page.put("colours", Map.of("loaded", StateColour.ofRun(RunStatus.SUCCESS.name()), "rejected", StateColour.REJECTED,
                "failed", StateColour.ofRun(RunStatus.FAILED.name())));
        page.put("problems", etl.runs().stream().filter(r -> r.failed() || r.rejected() > 0).map(this::problem).toList());
        page.put("holes", etl.status().holes() == null ? List.of() : etl.status().holes().stream().map(DashboardPages::hole).toList());
        page.put("holesChecked", etl.status().holes() != null);
        page.put("runs", etl.runs().stream().map(this::run).toList());
        return page;
    }

    private List<BarChart.Column> rowsColumns(EtlDashboard etl) {
        return etl.oldestFirst().stream().map(this::rowsColumn).toList();
    }

    private static String count(long rows) {
        return String.format("%,d", rows);
    }

    private BarChart.Column rowsColumn(DashboardRun run) {
        return column(run, String.format("%s: %,d rows loaded, %,d rejected", heading(run), run.rowsLoaded(), run.rejected()),
                List.of(new BarChart.Segment(run.rowsLoaded(), StateColour.ofRun(run.status())),
                        new BarChart.Segment(run.rejected(), StateColour.REJECTED)));
    }

    private BarChart.Column stagesColumn(DashboardRun run) {
        return column(run, heading(run) + ": " + run.stages().entrySet().stream()
                        .map(s -> s.getKey().label() + " " + SummaryText.duration(s.getValue())).collect(Collectors.joining(", ")),
                run.stages().entrySet().stream().map(s -> new BarChart.Segment(s.getValue().toMillis(), s.getKey().colour())).toList());
    }

    /** A failed run's column has a band in its colour: it stands out even when it loaded nothing. */
    private BarChart.Column column(DashboardRun run, String title, List<BarChart.Segment> segments) {
        return new BarChart.Column(run.runId(), DAY.format(run.startedAt()), settings.mask(title), segments,
                run.failed() ? Optional.of(StateColour.ofRun(run.status())) : Optional.empty());
    }

    private static String heading(DashboardRun run) {
        return TIME.format(run.startedAt()) + " " + run.status();
    }

    private Map<String, Object> problem(DashboardRun run) {
        String text = run.failed() ? run.firstError().orElse(run.status())
                : String.format("%,d document(s) rejected; the first: %s", run.rejected(),
                run.firstReject().orElse("see the warehouse table etl_rejects"));
        return Map.of("time", TIME.format(run.startedAt()), "status", run.status(), "colour", StateColour.ofRun(run.status()),
                "text", settings.mask(text), "window", window(run.load()));
    }

    /** How many holes, and how much time they leave out: "2 (3d 4h)"; null holes were not checked. */
    private static String holes(List<Window> holes) {
        if (holes == null) {
            return "not checked";
        }
        return holes.isEmpty() ? "none" : String.format("%d (%s)", holes.size(),
                age(holes.stream().map(h -> Duration.between(h.lower(), h.upper())).reduce(Duration.ZERO, Duration::plus)));
    }

    private static Map<String, Object> hole(Window hole) {
        return Map.of("from", TIME.format(hole.lower()), "to", TIME.format(hole.upper()),
                "length", age(Duration.between(hole.lower(), hole.upper())));
    }

    private Map<String, Object> run(DashboardRun run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", run.runId());
        row.put("time", TIME.format(run.startedAt()));
        row.put("status", run.status());
        row.put("colour", StateColour.ofRun(run.status()));
        row.put("window", window(run.load()));
        row.put("rows", run.load().rowsText());
        row.put("rejected", run.rejected() == 0 ? "" : count(run.rejected()));
        row.put("duration", SummaryText.duration(run.duration()));
        row.put("error", settings.mask(run.firstError().orElse("")));
        return row;
    }

    /** The window a run loaded, as the other times of the page are written. */
    private static String window(RunLoad load) {
        return load.window().map(w -> TIME.format(Instant.parse(w.lower())) + " – " + TIME.format(Instant.parse(w.upper()))).orElse("-");
    }

    /** A span of time as a person says it: "3d 4h", "2h 05m", "12m", "40s". */
    static String age(Duration span) {
        long seconds = span.getSeconds();
        if (seconds >= 86_400) {
            return String.format("%dd %dh", seconds / 86_400, seconds % 86_400 / 3600);
        }
        if (seconds >= 3600) {
            return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? seconds / 60 + "m" : seconds + "s";
    }
}
