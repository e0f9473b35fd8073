package com.example.etls;

import io.etl.environment.EtlEnvironment;
import io.etl.pipeline.EtlPipeline;
import io.etl.pipeline.PipelineCatalog;

import java.util.List;

/** The team's ETLs, offered to the etl command. */
public final class TeamCatalog implements PipelineCatalog {

    @Override
    public List<EtlPipeline> pipelines(EtlEnvironment environment) {
        return List.of(Clicks.pipeline(environment));
    }
}
