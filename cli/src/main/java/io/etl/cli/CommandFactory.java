package io.etl.cli;

import picocli.CommandLine;

/** Creates the subcommands with the environment they need; anything else the way picocli would. */
final class CommandFactory implements CommandLine.IFactory {

    private final CliEnvironment environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            var constructor = type.getDeclaredConstructor(CliEnvironment.class);
            return constructor.newInstance(environment);
        } catch (NoSuchMethodException noEnvironmentNeeded) {
            return fallback.create(type);
        }
    }
}
