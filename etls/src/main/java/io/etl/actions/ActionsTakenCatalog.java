package io.etl.actions;

import io.etl.environment.EtlEnvironment;
import io.etl.pipeline.EtlPipeline;
import io.etl.pipeline.PipelineCatalog;

import java.util.List;

/** Offers the {@code actions_taken} ETL to the command line. */
public final class ActionsTakenCatalog implements PipelineCatalog {

    @Override
    public List<EtlPipeline> pipelines(EtlEnvironment environment) {
        return List.of(ActionsTaken.pipeline(environment));
    }
}
