package io.etl.actions;

import io.etl.config.Settings;
import io.etl.environment.EtlEnvironment;
import io.etl.task.TaskCatalog;
import io.etl.task.TaskType;

import java.util.List;

/** Offers the {@code actions_taken} stages to the command line. */
public final class ActionsTakenCatalog implements TaskCatalog {

    @Override
    public List<TaskType<?>> taskTypes(Settings settings) {
        return ActionsTaken.pipeline(new EtlEnvironment(settings)).types();
    }
}
