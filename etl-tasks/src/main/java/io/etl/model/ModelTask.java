package io.etl.model;

import io.etl.environment.EtlEnvironment;
import io.etl.load.EtlRun;
import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.task.PermanentFailure;
import io.etl.task.Task;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;
import io.etl.warehouse.Identifiers;
import io.etl.warehouse.ModelRecord;
import io.etl.warehouse.ModelRecords;
import io.etl.warehouse.TableSwap;
import io.etl.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code etl run <model>}: the runs of the ETLs it reads (with its own options, those of {@code etl run <etl>}, so that
 * in {@code etl run all} they are the ETLs' own runs) and the models it reads, then its table rebuilt beside the one
 * readers use ({@code CREATE TABLE … AS} its SELECT) and swapped in, with its record, in one transaction
 * ({@link TableSwap}). Complete when what it reads has nothing left to load and its table is built from its inputs as
 * they are ({@link ModelBuilt}); when the loads it pulled changed nothing, it is not rebuilt.
 */
public final class ModelTask extends Task {

    private final Definition definition;
    private final List<Task> inputs;

    private ModelTask(Definition definition, ParameterValues values) {
        super(definition.type, values);
        this.definition = definition;
        Map<String, String> options = values.asText();
        // made now, so that options an ETL's run refuses are refused as the command line is read
        this.inputs = definition.inputs.stream().<Task>map(input -> input.parse(options)).toList();
    }

    /**
     * @param inputs the type of each input: the ETLs' runs, then the models' (made before, as {@link Models#read} orders
     *               them)
     */
    public static TaskType<ModelTask> type(Model model, List<TaskType<?>> inputs, EtlEnvironment environment) {
        return new Definition(model, inputs, environment).type;
    }

    @Override
    public List<Task> requires() {
        return inputs;
    }

    /** Its own, and those of the ETLs it runs (through the models it reads too): no other run of them overlaps it. */
    @Override
    public List<String> lockNames() {
        return Stream.concat(Stream.of(lockName()), inputs.stream().flatMap(input -> input.lockNames().stream())).distinct().toList();
    }

    @Override
    public List<ModelBuilt> output() {
        return List.of(new ModelBuilt(definition.environment.warehouse(), definition.model));
    }

    /** Built from its inputs as they are, and none of them has anything left to do. */
    @Override
    public boolean complete() {
        return super.complete() && inputs.stream().allMatch(Task::complete);
    }

    @Override
    public void run(TaskContext context) throws Exception {
        Model model = definition.model;
        ModelBuilt built = output().get(0);
        ModelRecords records = built.records();
        try (Connection connection = built.warehouse().connect()) {
            // read before the build: a load committed during it leaves the record behind, and the next run builds again
            String inputsVersion = built.inputsVersion(connection);
            Optional<ModelRecord> current = built.current(connection, inputsVersion);
            if (current.isPresent()) {
                context.note("not rebuilt: its SQL and its inputs (" + model.reads() + ") are as they were when it was built at "
                        + current.get().builtAt() + ", " + current.get().rows() + " rows");
                return;
            }
            records.createIfMissing(connection);
            long rows = build(connection, built.warehouse().schema());
            connection.setAutoCommit(false);
            try {
                TableSwap.swap(connection, built.warehouse().schema(), model.name());
                records.replace(connection, new ModelRecord(model.name(), context.clock().instant(), inputsVersion,
                        model.sqlHash(), rows, context.runId()));
                connection.commit();
            } catch (SQLException | PermanentFailure | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            context.record("rows", rows);
            context.note("built " + built.warehouse().schema() + "." + model.name() + " from " + model.reads() + " (" + model.file() + ")");
        }
    }

    /**
     * Creates the new table from the SELECT, where readers do not see it, and counts its rows. Its names are those of the
     * schema, as the ETLs' tables are written in a model without one.
     */
    private long build(Connection connection, String schema) throws Exception {
        Model model = definition.model;
        String building = Identifiers.quote(schema) + "." + Identifiers.quote(TableSwap.building(model.name()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + Identifiers.quote(schema));
            statement.execute("DROP TABLE IF EXISTS " + building); // what a build stopped before its swap left
            String create = "CREATE TABLE " + building + " AS ";
            try {
                statement.execute(create + model.select());
            } catch (SQLException e) {
                throw ModelSqlError.of(model, e, create.length());
            }
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + building)) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static final class Definition {
        private final Model model;
        private final List<TaskType<?>> inputs;
        private final EtlEnvironment environment;
        private final TaskType<ModelTask> type;

        private Definition(Model model, List<TaskType<?>> inputs, EtlEnvironment environment) {
            this.model = model;
            this.inputs = List.copyOf(inputs);
            this.environment = environment;
            this.type = TaskType.of(model.name(), "Builds the table " + model.name() + " from " + model.reads() + " ("
                    + model.file() + ")", values -> new ModelTask(this, values), EtlRun.OPTIONS.toArray(Parameter<?>[]::new));
        }
    }
}
