package io.etl.load;

import io.etl.targets.Target;
import io.etl.warehouse.Table;
import io.etl.warehouse.Warehouse;
import io.etl.window.Window;

/** A window of an ETL as loaded into the warehouse: it exists once the load's marker row does. */
record LoadedWindow(Warehouse warehouse, Table table, String etl, Window window) implements Target {

    @Override
    public boolean exists() {
        try {
            return warehouse.loaded(table, etl, window);
        } catch (Exception e) {
            throw new IllegalStateException("cannot check whether " + this + " is loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return etl + " " + window + " in " + table.qualified() + " of " + warehouse.describe();
    }
}
