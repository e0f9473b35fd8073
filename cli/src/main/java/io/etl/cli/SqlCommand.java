package io.etl.cli;

import io.etl.config.Settings;
import io.etl.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code etl sql "<query>"}: one read-only query against the configured warehouse, the embedded one included, so
 * that what was loaded can be looked at without knowing where the warehouse listens.
 */
@Command(name = "sql", description = "Run one read-only query against the warehouse (the embedded one unless warehouse.url is set)"
        + " and print its rows. Anything that would write is refused (exit 2).")
public final class SqlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<query>", description = "The query, such as \"SELECT action, COUNT(*) FROM actions_taken GROUP BY 1\".")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SqlFormat format;

    private final CliEnvironment environment;

    SqlCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = environment.settings();
        if (Warehouse.embeddedInUse(settings)) {
            throw new ConfigurationException("the embedded warehouse is in use by another etl process: query it when that ends");
        }
        QueryResult result;
        try (Warehouse warehouse = Warehouse.open(settings, Clock.systemUTC())) {
            result = QueryResult.read(warehouse, query);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(settings.mask(format.render(result)));
        out.flush();
        return ExitCodes.OK;
    }
}
