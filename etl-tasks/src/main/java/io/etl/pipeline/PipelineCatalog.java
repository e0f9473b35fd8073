package io.etl.pipeline;

import io.etl.config.Settings;
import io.etl.environment.EtlEnvironment;
import io.etl.task.TaskCatalog;
import io.etl.task.TaskType;

import java.util.List;
import java.util.ServiceLoader;

/**
 * A catalog of ETLs: their task types for the command line, and the pipelines themselves for the commands that act
 * on an ETL as a whole ({@code etl audit}). Listed like any {@link TaskCatalog}, in
 * {@code META-INF/services/io.etl.task.TaskCatalog}.
 */
public interface PipelineCatalog extends TaskCatalog {

    List<EtlPipeline> pipelines(EtlEnvironment environment);

    @Override
    default List<TaskType<?>> taskTypes(Settings settings) {
        return pipelines(new EtlEnvironment(settings)).stream().flatMap(pipeline -> pipeline.types().stream()).toList();
    }

    /** Every ETL of every catalog on the class path, on one environment. */
    static List<EtlPipeline> discover(EtlEnvironment environment) {
        return ServiceLoader.load(TaskCatalog.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(PipelineCatalog.class::isInstance)
                .flatMap(catalog -> ((PipelineCatalog) catalog).pipelines(environment).stream())
                .toList();
    }
}
