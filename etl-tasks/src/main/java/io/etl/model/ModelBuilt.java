package io.etl.model;

import io.etl.targets.Target;
import io.etl.warehouse.ModelRecord;
import io.etl.warehouse.ModelRecords;
import io.etl.warehouse.Warehouse;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A model's table as built from its SQL and its inputs as they are now: it exists while {@value ModelRecords#TABLE}
 * holds a build of the model with the same SQL and the same inputs version, and the table is there. The inputs version
 * is what each input was when the build read it: an ETL's last load that changed its table, a model's last build.
 */
public record ModelBuilt(Warehouse warehouse, Model model) implements Target {

    @Override
    public boolean exists() {
        try (Connection connection = warehouse.connect()) {
            return current(connection, inputsVersion(connection)).isPresent();
        } catch (Exception e) {
            throw new IllegalStateException("cannot check whether " + this + " is built: " + e.getMessage(), e);
        }
    }

    /** The build the table holds, if it is of this SQL and of inputs at {@code inputsVersion}. */
    Optional<ModelRecord> current(Connection connection, String inputsVersion) throws Exception {
        return records().find(connection, model.name()).filter(built -> built.builtFrom(inputsVersion, model.sqlHash()));
    }

    /** What the inputs are now: a hash of when each ETL last changed its table and each model was last built. */
    String inputsVersion(Connection connection) throws Exception {
        ModelRecords records = records();
        Map<String, String> inputs = new TreeMap<>();
        for (String etl : model.etls()) {
            inputs.put("etl " + etl, records.lastChange(connection, etl).map(Object::toString).orElse("never"));
        }
        for (String input : model.models()) {
            inputs.put("model " + input, records.find(connection, input).map(built -> built.builtAt().toString()).orElse("never"));
        }
        return Sha256.of(inputs.toString());
    }

    ModelRecords records() {
        return new ModelRecords(warehouse.schema());
    }

    @Override
    public String toString() {
        return "model " + model.name() + " in " + warehouse.schema() + " of " + warehouse.describe();
    }
}
