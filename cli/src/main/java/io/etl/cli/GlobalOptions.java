package io.etl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Options every subcommand takes, before or after its name. */
public final class GlobalOptions {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show the libraries' logging (Hadoop, Pig…) and stack traces of errors.")
    boolean verbose;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "State directory: locks, history, local lake and databases (default: $ETL_HOME or ./.etl).")
    Path home;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Settings file (default: $ETL_CONFIG or ./etl.properties if present).")
    Path config;

    @Option(names = "--set", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set mongo.uri=mongodb://db:27017/app (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    /**
     * Reads only these options from a whole command line, before the commands are built: the settings they point
     * at decide which tasks exist and where their state lives.
     */
    static GlobalOptions parse(String[] args) {
        GlobalOptions options = new GlobalOptions();
        CommandLine reader = new CommandLine(options);
        reader.setUnmatchedArgumentsAllowed(true);
        reader.setUnmatchedOptionsArePositionalParams(true);
        try {
            reader.parseArgs(args);
        } catch (CommandLine.ParameterException malformed) {
            // the full parse reports it, with the usage of the command it belongs to
        }
        return options;
    }
}
