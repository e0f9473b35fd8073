package io.etl.cli;

import io.etl.config.Settings;
import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterType;
import io.etl.parameter.ParameterValues;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.TaskOutcome;
import io.etl.scheduler.TaskState;
import io.etl.targets.LocalFileTarget;
import io.etl.task.Task;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code --junit-report FILE}: the run as a JUnit XML test suite, for Jenkins' {@code junit} step to chart and to
 * name what broke. One test case per task of the plan (class name: its family; name: the family and its parameters
 * but the window, which is in the test case's properties, so that a task keeps its name from build to build); a failed task is a failure
 * carrying its error, a task that did not run because a requirement failed is skipped naming that requirement (it
 * is not broken itself, and counting it as a failure would hide the one that is); an already complete task passes
 * in no time.
 */
record JunitReport(Path file, Settings settings) implements RunReport {

    @Override
    public String description() {
        return "JUnit report " + file;
    }

    @Override
    public void write(FinishedRun run) throws Exception {
        LocalFileTarget.at(file).write(temporary -> {
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                suite(xml, run);
                xml.writeEndDocument();
                xml.close();
            }
        });
    }

    private void suite(XMLStreamWriter xml, FinishedRun run) throws XMLStreamException {
        RunSummary summary = run.summary();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", masked(stableName(summary.root())));
        xml.writeAttribute("tests", String.valueOf(summary.outcomes().size()));
        xml.writeAttribute("failures", String.valueOf(summary.count(TaskState.FAILED) + summary.count(TaskState.MISSING_INPUT)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(summary.count(TaskState.UPSTREAM_FAILED) + summary.count(TaskState.NOT_RUN)
                + summary.count(TaskState.LOCKED_OUT)));
        xml.writeAttribute("time", seconds(summary.duration()));
        xml.writeAttribute("timestamp", summary.startedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        properties(xml, run);
        for (TaskOutcome outcome : summary.outcomes()) {
            testCase(xml, run, outcome);
        }
        xml.writeEndElement();
    }

    /** The run id and the root's parameters (the window), so that a report names the run it came from. */
    private void properties(XMLStreamWriter xml, FinishedRun run) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "run", run.summary().runId());
        for (Map.Entry<String, String> parameter : run.summary().root().parameters().asText().entrySet()) {
            property(xml, parameter.getKey(), parameter.getValue());
        }
        Optional<RunWindow> window = run.window();
        if (window.isPresent()) {
            property(xml, "window", window.get().toString());
        }
        xml.writeEndElement();
    }

    private void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", masked(value));
    }

    private void testCase(XMLStreamWriter xml, FinishedRun run, TaskOutcome outcome) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", outcome.task().family());
        xml.writeAttribute("name", masked(stableName(outcome.task())));
        xml.writeAttribute("time", seconds(outcome.duration()));
        Map<String, String> window = window(outcome.task());
        if (!window.isEmpty()) {
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> instant : window.entrySet()) {
                property(xml, instant.getKey(), instant.getValue());
            }
            xml.writeEndElement();
        }
        switch (outcome.state()) {
            case FAILED, MISSING_INPUT -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", masked(run.firstErrorLine(outcome)));
                xml.writeCharacters(masked(errorText(run, outcome)));
                xml.writeEndElement();
            }
            case UPSTREAM_FAILED -> skipped(xml, "upstream failed: " + outcome.blockedBy().map(id -> "requires " + id
                    + ", which failed").orElse("a requirement failed"));
            case NOT_RUN -> skipped(xml, "not run: the run was stopped first");
            case LOCKED_OUT -> skipped(xml, TaskState.LOCKED_OUT.label() + ": " + String.join("; ", outcome.notes()));
            case ALREADY_COMPLETE, DONE -> {
                if (!outcome.notes().isEmpty()) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(masked(String.join("\n", outcome.notes())));
                    xml.writeEndElement();
                }
            }
        }
        xml.writeEndElement();
    }

    /**
     * What Jenkins tracks a test by from build to build: the family and its significant parameters but the instants,
     * which are the window ({@code lower}, {@code upper}, {@code since}…) and change with every build.
     */
    static String stableName(Task task) {
        ParameterValues values = task.parameters();
        return task.family() + "(" + values.declared().stream()
                .filter(parameter -> parameter.significant() && !isWindow(parameter))
                .flatMap(parameter -> text(values, parameter).map(value -> parameter.name() + "=" + value).stream())
                .collect(Collectors.joining(", ")) + ")";
    }

    /** The instants that {@link #stableName} leaves out, kept as the test's properties. */
    private static Map<String, String> window(Task task) {
        ParameterValues values = task.parameters();
        Map<String, String> window = new LinkedHashMap<>();
        values.declared().stream().filter(JunitReport::isWindow)
                .forEach(parameter -> text(values, parameter).ifPresent(value -> window.put(parameter.name(), value)));
        return window;
    }

    private static boolean isWindow(Parameter<?> parameter) {
        return parameter.type() == ParameterType.INSTANT;
    }

    private static <T> Optional<String> text(ParameterValues values, Parameter<T> parameter) {
        return values.find(parameter).map(parameter::format);
    }

    private void skipped(XMLStreamWriter xml, String message) throws XMLStreamException {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", masked(message));
    }

    /** The whole error with its causes, as a test failure shows it; its first line when only that is known. */
    private static String errorText(FinishedRun run, TaskOutcome outcome) {
        Throwable error = run.errors().get(outcome.task());
        if (error == null) {
            return run.firstErrorLine(outcome);
        }
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private String masked(String text) {
        return settings.mask(text);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
