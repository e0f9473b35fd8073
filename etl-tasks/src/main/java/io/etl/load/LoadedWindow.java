package io.etl.load;

import io.etl.targets.Target;
import io.etl.warehouse.Table;
import io.etl.warehouse.Warehouse;
import io.etl.window.Window;

import java.time.Instant;

/**
 * A window of an ETL as loaded into the warehouse: it exists once a marker row of the load does, written at or after
 * {@code loadedSince} (a reload's instant, so that the load before it does not count; {@link #EVER} otherwise).
 */
record LoadedWindow(Warehouse warehouse, Table table, String etl, Window window, Instant loadedSince) implements Target {

    /** Any load of the window counts. */
    static final Instant EVER = Window.BEGINNING;

    @Override
    public boolean exists() {
        try {
            return warehouse.loaded(table, etl, window, loadedSince);
        } catch (Exception e) {
            throw new IllegalStateException("cannot check whether " + this + " is loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return etl + " " + window + (loadedSince.equals(EVER) ? "" : " reloaded at " + loadedSince) + " in "
                + table.qualified() + " of " + warehouse.describe();
    }
}
