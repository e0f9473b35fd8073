package io.etl.cli;

import io.etl.parameter.ParameterException;
import io.etl.state.Json;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.function.Supplier;

/** The {@code --format text|json} option of the commands that report (history, status), and the printing it picks. */
final class TextOrJson {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    /** @throws ParameterException for any other format */
    boolean json() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException("--format: expected text or json, got '" + format + "'");
        }
        return format.equals("json");
    }

    /** The value as indented JSON, or the text the command draws. */
    String render(Object value, Supplier<String> text) throws IOException {
        return json() ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n" : text.get();
    }
}
