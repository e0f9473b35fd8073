package io.etl.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command, as the command tree has it (new ones included), answers --help and etl help with its usage. */
class HelpTest {

    @TempDir
    static Path home;

    @TestFactory
    Stream<DynamicTest> every_command_prints_its_usage_with_help_and_exits_0() {
        return commands().stream().map(command -> DynamicTest.dynamicTest("etl " + String.join(" ", command) + " --help",
                () -> assertUsage(command, new Etl(home).run(Cli.with(command.toArray(String[]::new), "--help")))));
    }

    /** picocli's help command takes one command name: the commands of etl itself. */
    @TestFactory
    Stream<DynamicTest> etl_help_prints_the_usage_of_each_command_and_exits_0() {
        return commands().stream().filter(command -> command.size() == 1).map(command -> DynamicTest.dynamicTest("etl help " + command.get(0),
                () -> assertUsage(command, new Etl(home).run("help", command.get(0)))));
    }

    private static void assertUsage(List<String> command, Etl.Result help) {
        assertEquals(ExitCodes.OK, help.exitCode(), help::toString);
        assertTrue(help.out().startsWith("Usage: etl " + String.join(" ", command)), help::toString);
        assertEquals("", help.err(), help::toString);
    }

    /** Every command and subcommand below the root, as the words that name it ("run", "actions_taken"). */
    private static List<List<String>> commands() {
        CliEnvironment environment = CliEnvironment.of(GlobalOptions.parse(new String[] {"--home=" + home}), Map.of());
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(environment), List.of(), commands);
        assertTrue(commands.size() > 10, commands::toString);
        return commands;
    }

    private static void collect(CommandLine command, List<String> words, List<List<String>> commands) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name) && !name.equals("help")) {
                List<String> path = new ArrayList<>(words);
                path.add(name);
                commands.add(path);
                collect(sub, path, commands);
            }
        });
    }
}
