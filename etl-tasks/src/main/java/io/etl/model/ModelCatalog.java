package io.etl.model;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.environment.EtlEnvironment;
import io.etl.pipeline.EtlPipeline;
import io.etl.pipeline.PipelineCatalog;
import io.etl.task.TaskCatalog;
import io.etl.task.TaskType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Offers the SQL models of the project's folder {@code models/} (setting {@link #PATH}) to the command line, each a task
 * that runs the ETLs it reads first. A model that cannot be built as written (not one SELECT, an input that is no ETL
 * or model, a cycle) stops every command, naming its file.
 */
public final class ModelCatalog implements TaskCatalog {

    public static final String HEADING = "SQL models (models/<name>.sql: a table rebuilt from one SELECT after the loads it reads)";

    public static final SettingKey<Path> PATH = SettingKey.of("models.path", SettingType.path(), "models",
            "The folder of the SQL models, one SELECT per file <name>.sql (the project's, from its root)");

    @Override
    public String group() {
        return HEADING;
    }

    @Override
    public List<SettingKey<?>> settingKeys() {
        return List.of(PATH);
    }

    /** @throws IllegalArgumentException naming the model's file and what to fix, or a folder set that does not exist */
    @Override
    public List<TaskType<?>> taskTypes(Settings settings) {
        Path folder = settings.get(PATH);
        if (!Files.isDirectory(folder)) {
            if (settings.isSet(PATH)) {
                throw new IllegalArgumentException("setting " + PATH.name() + " is '" + folder + "' (" + settings.source(PATH)
                        + "): no such folder");
            }
            return List.of();
        }
        // the models' own environment: its embedded warehouse is the ETLs' (one per state directory in a process)
        EtlEnvironment environment = new EtlEnvironment(settings);
        Map<String, TaskType<?>> types = new HashMap<>();
        Map<String, String> etlOfTable = new HashMap<>();
        for (EtlPipeline pipeline : PipelineCatalog.discover(environment)) {
            String etl = pipeline.run().family();
            types.put(etl, pipeline.run());
            etlOfTable.put(etl, etl);
            etlOfTable.put(pipeline.table().name(), etl);
            pipeline.table().children().forEach(child -> etlOfTable.put(child.name(), etl));
        }
        List<TaskType<?>> models = new ArrayList<>();
        for (Model model : Models.read(folder, etlOfTable)) {
            List<TaskType<?>> inputs = new ArrayList<>();
            model.etls().forEach(etl -> inputs.add(types.get(etl)));
            model.models().forEach(input -> inputs.add(types.get(input)));
            TaskType<ModelTask> type = ModelTask.type(model, inputs, environment);
            types.put(model.name(), type);
            models.add(type);
        }
        return models;
    }
}
