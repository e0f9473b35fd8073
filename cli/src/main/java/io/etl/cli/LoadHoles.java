package io.etl.cli;

import io.etl.config.Settings;
import io.etl.task.Failures;
import io.etl.warehouse.Warehouse;
import io.etl.window.Coverage;
import io.etl.window.Window;

import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The holes in what each ETL loaded, for {@code etl status} and {@code etl dashboard}: read from the load markers
 * ({@code etl_loads}) when the warehouse answers within {@value #TIMEOUT} (unless setting
 * {@code warehouse.connect.timeout} says otherwise); when it does not, why not, in one line. An embedded warehouse never started holds nothing, and one in use by a run
 * is left alone (starting it here would stop that run's).
 *
 * @param byEtl      the holes of each ETL that has some
 * @param notChecked why the warehouse was not read, if it was not
 */
record LoadHoles(Map<String, List<Window>> byEtl, Optional<String> notChecked) {

    private static final String TIMEOUT = "3s";

    static LoadHoles read(Settings settings, List<String> etls) {
        if (settings.get(Warehouse.URL).isEmpty() && !Files.isDirectory(Warehouse.embeddedDirectory(settings))) {
            return new LoadHoles(Map.of(), Optional.empty());
        }
        if (Warehouse.embeddedInUse(settings)) {
            return notChecked("the embedded warehouse is in use by another etl process");
        }
        Settings quick = settings.isSet(Warehouse.CONNECT_TIMEOUT) ? settings : settings.with(Warehouse.CONNECT_TIMEOUT, TIMEOUT);
        try (Warehouse warehouse = Warehouse.open(quick, Clock.systemUTC())) {
            Map<String, List<Window>> holes = new HashMap<>();
            for (String etl : etls) {
                Coverage.of(warehouse.loadedWindows(etl)).map(Coverage::holes).filter(h -> !h.isEmpty())
                        .ifPresent(h -> holes.put(etl, h));
            }
            return new LoadHoles(holes, Optional.empty());
        } catch (Exception e) {
            return notChecked(Failures.firstLine(e));
        }
    }

    private static LoadHoles notChecked(String why) {
        return new LoadHoles(Map.of(), Optional.of(why));
    }

    /** The ETL's holes, or null when the warehouse was not read (so JSON says it is unknown, not that there are none). */
    List<Window> of(String etl) {
        return notChecked.isPresent() ? null : byEtl.getOrDefault(etl, List.of());
    }
}
