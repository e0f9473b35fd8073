package io.etl.cli;

import io.etl.config.Settings;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.TaskOutcome;
import io.etl.scheduler.TaskState;
import io.etl.targets.LocalFileTarget;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --junit-report FILE}: the run as a JUnit XML test suite, for Jenkins' {@code junit} step to chart and to
 * name what broke. One test case per task of the plan (class name: its family); a failed task is a failure
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
        xml.writeAttribute("name", masked(summary.root().id().toString()));
        xml.writeAttribute("tests", String.valueOf(summary.outcomes().size()));
        xml.writeAttribute("failures", String.valueOf(summary.count(TaskState.FAILED) + summary.count(TaskState.MISSING_INPUT)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(summary.count(TaskState.UPSTREAM_FAILED) + summary.count(TaskState.NOT_RUN)));
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
        xml.writeAttribute("name", masked(outcome.task().id().toString()));
        xml.writeAttribute("time", seconds(outcome.duration()));
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
