package io.etl.cli;

import io.etl.parameter.Parameter;
import io.etl.task.Task;
import io.etl.task.TaskType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One command-line option per parameter of a task type ({@code --since 2026-11-01}), and the task they describe. */
final class TaskOptions {

    private final TaskType<?> type;
    private final Map<String, OptionSpec> options = new LinkedHashMap<>();

    TaskOptions(TaskType<?> type) {
        this.type = type;
        for (Parameter<?> parameter : type.parameters()) {
            options.put(parameter.name(), optionFor(parameter));
        }
    }

    void addTo(CommandSpec spec) {
        options.values().forEach(spec::addOption);
    }

    /** The task the parsed options describe; a missing or malformed value throws a ParameterException naming it. */
    Task task() {
        Map<String, String> text = new LinkedHashMap<>();
        options.forEach((name, option) -> {
            Object value = option.getValue();
            if (value != null) {
                text.put(name, value.toString());
            }
        });
        return type.parse(text);
    }

    private static OptionSpec optionFor(Parameter<?> parameter) {
        OptionSpec.Builder option = OptionSpec.builder("--" + parameter.name())
                .description(describe(parameter))
                .hasInitialValue(false);
        if (parameter.isFlag()) {
            return option.type(Boolean.class).arity("0..1").paramLabel("true|false").build();
        }
        return option.type(String.class).arity("1")
                .paramLabel("<" + parameter.type().name().toLowerCase(Locale.ROOT) + ">")
                .build();
    }

    private static String describe(Parameter<?> parameter) {
        String text = parameter.description().isBlank() ? parameter.type().name() : parameter.description();
        if (parameter.required()) {
            return text + " (required, e.g. " + parameter.type().example() + ")";
        }
        if (parameter.isFlag()) {
            // off unless given: "(default: false)" would contradict a flag whose absence means the same thing
            return text;
        }
        return parameter.defaultValue()
                .map(value -> text + " (default: " + parameter.format(value) + ")")
                .orElse(text + " (optional)");
    }
}
