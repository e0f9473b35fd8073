package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.state.StateDirectory;
import io.etl.task.TaskCatalog;
import io.etl.task.TaskType;
import io.etl.testing.TestDag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Task graphs for the command-line tests, as family "node" with --name choosing the node: ok, fails, flaky, slow (after ok, or to plan),
 * a cycle, and one that needs missing input; and an ETL, {@link TestPipeline}.
 */
public final class TestCatalog implements TaskCatalog {

    @Override
    public List<TaskType<?>> taskTypes(Settings settings) {
        TestDag dag = new TestDag(StateDirectory.from(settings).resolve("nodes"));
        dag.node("report").requires("ok", "other");
        dag.node("fails").failsAlways();
        dag.node("fails-in-branch").requires("fails", "ok");
        dag.node("flaky").failsTimes(1);
        dag.node("slow").sleeps(Duration.ofMinutes(5));
        dag.node("slow-after-ok").requires("ok").sleeps(Duration.ofMinutes(5));
        dag.node("slow-to-plan").checksSlowly(Duration.ofMinutes(5));
        dag.node("cycle-a").requires("cycle-b");
        dag.node("cycle-b").requires("cycle-a");
        dag.node("needs-input").requires("input");
        dag.node("input").external();
        List<TaskType<?>> types = new ArrayList<>(List.of(dag.type()));
        types.addAll(new TestPipeline(StateDirectory.from(settings).resolve("events")).types());
        return types;
    }

    /** Secrets that tests put in failures' messages, to see them masked. */
    @Override
    public List<SettingKey<?>> settingKeys() {
        return Stream.of("test.password", "test.token")
                .<SettingKey<?>>map(key -> SettingKey.optional(key, SettingType.text(), "A secret for the masking tests").asSecret())
                .toList();
    }
}
