package io.etl.example;

import io.etl.config.Settings;
import io.etl.state.StateDirectory;
import io.etl.task.TaskCatalog;
import io.etl.task.TaskType;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Small task graphs that show the engine at work without any server: a daily report and a fan-in benchmark. */
public final class ExampleCatalog implements TaskCatalog {

    @Override
    public String group() {
        return "Examples and benchmarks (no servers needed)";
    }

    @Override
    public List<TaskType<?>> taskTypes(Settings settings) {
        Path examples = StateDirectory.from(settings).resolve("examples");
        List<TaskType<?>> types = new ArrayList<>(new DailyReport.Types(examples, Clock.systemUTC()).all());
        types.addAll(new FanIn.Types(examples).all());
        return types;
    }
}
