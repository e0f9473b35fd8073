package io.etl.pipeline;

import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractTask;
import io.etl.spec.EtlSpec;
import io.etl.task.TaskType;
import io.etl.transform.TransformTask;

import java.util.List;
import java.util.Map;

/**
 * The task types of one ETL, each stage requiring the one before: {@code <name>_extract}, then
 * {@code <name>_transform}.
 *
 * @param scriptParameters the ETL's own parameters for its Pig script
 */
public record EtlPipeline(TaskType<ExtractTask> extract, TaskType<TransformTask> transform) {

    public static EtlPipeline of(EtlSpec spec, Map<String, String> scriptParameters, EtlEnvironment environment) {
        TaskType<ExtractTask> extract = ExtractTask.type(spec, environment);
        return new EtlPipeline(extract, TransformTask.type(spec, scriptParameters, extract, environment));
    }

    public List<TaskType<?>> types() {
        return List.of(extract, transform);
    }
}
