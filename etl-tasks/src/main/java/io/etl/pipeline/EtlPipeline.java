package io.etl.pipeline;

import io.etl.audit.EtlAudit;
import io.etl.audit.RepairRun;
import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractTask;
import io.etl.load.EtlRun;
import io.etl.load.LoadTask;
import io.etl.load.RefreshSwap;
import io.etl.spec.EtlSpec;
import io.etl.task.TaskType;
import io.etl.transform.ScriptCheck;
import io.etl.transform.TransformTask;
import io.etl.warehouse.Table;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One ETL: its declaration (the spec of what it reads, the table it loads), and its task types, each stage requiring
 * the one before: {@code <name>_extract}, {@code <name>_transform}, {@code <name>_load}, and {@code <name>} itself,
 * which picks the window (incremental, backfill or full refresh); {@code <name>_swap}, which ends a full refresh in
 * chunks; its audit, and {@code <name>_repair}, which reloads
 * the buckets an audit finds different.
 */
public record EtlPipeline(EtlSpec spec, Table table, TaskType<ExtractTask> extract, TaskType<TransformTask> transform,
                          TaskType<LoadTask> load, TaskType<RefreshSwap> swap, TaskType<EtlRun> run, EtlAudit audit,
                          TaskType<RepairRun> repair) {

    /**
     * @param scriptParameters the ETL's own parameters for its Pig script
     * @param table            the warehouse table, given the schema it lives in
     */
    public static EtlPipeline of(EtlSpec spec, Map<String, String> scriptParameters, Function<String, Table> table,
                                 EtlEnvironment environment) {
        Table declared = table.apply(environment.schema());
        TableAgreement.require(spec, declared);
        TaskType<ExtractTask> extract = ExtractTask.type(spec, environment, new ScriptCheck(spec, scriptParameters, table, environment));
        TaskType<TransformTask> transform = TransformTask.type(spec, scriptParameters, table, extract, environment);
        TaskType<LoadTask> load = LoadTask.type(spec, table, transform, environment);
        EtlAudit audit = new EtlAudit(spec, declared, environment);
        TaskType<RefreshSwap> swap = RefreshSwap.type(spec, table, load, environment);
        return new EtlPipeline(spec, declared, extract, transform, load, swap, EtlRun.type(spec, table, load, swap, environment),
                audit, RepairRun.type(spec, audit, load, environment));
    }

    public List<TaskType<?>> types() {
        return List.of(run, extract, transform, load, swap, repair);
    }
}
