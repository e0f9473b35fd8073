package io.etl.cli;

import io.etl.config.SettingException;
import io.etl.lock.AlreadyRunningException;
import io.etl.parameter.ParameterException;
import io.etl.scheduler.SchedulingException;
import io.etl.task.Failures;
import io.etl.task.TaskType;
import io.etl.task.UnknownTaskException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code etl} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = execute(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /**
     * Runs one command line and returns its exit code; never exits the JVM (tests call this). The calling thread's
     * context class loader sees the jars of setting {@code etls.path} while it runs, and so do the threads it starts.
     */
    public static int execute(String[] args, Map<String, String> processEnvironment, PrintWriter out, PrintWriter err) {
        GlobalOptions global = GlobalOptions.parse(args);
        QuietLogging.configure(global.verbose);
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        try {
            CliEnvironment environment;
            CommandLine commandLine;
            try {
                environment = CliEnvironment.of(global, processEnvironment);
                thread.setContextClassLoader(environment.classLoader(Main.class.getClassLoader()));
                commandLine = commandLine(environment);
            } catch (ConfigurationException e) {
                err.println("etl: " + e.getMessage());
                return ExitCodes.CONFIGURATION_ERROR;
            }
            ErrorHandler errors = new ErrorHandler(environment);
            return commandLine.setOut(out).setErr(err)
                    .setExecutionStrategy(new SettingsCheckedFirst(environment))
                    .setParameterExceptionHandler(errors)
                    .setExecutionExceptionHandler(errors)
                    .execute(args);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    /**
     * Every command, with one subcommand of {@code run} and of {@code graph} per task type, and of both per group
     * of ETLs ({@code all}, those of the settings); {@code add-sample} and
     * {@code generate} only where the development module ({@code etl-dev}) is installed, as they stand on it.
     */
    static CommandLine commandLine(CliEnvironment environment) {
        CommandLine etl = new CommandLine(new EtlCommand(), new CommandFactory(environment))
                .setCaseInsensitiveEnumValuesAllowed(true);
        List<Class<?>> commands = new ArrayList<>(List.of(ListCommand.class, RunCommand.class, GraphCommand.class,
                HistoryCommand.class, StatusCommand.class, DashboardCommand.class, AuditCommand.class));
        if (DevelopmentModule.installed()) {
            commands.addAll(List.of(AddSampleCommand.class, GenerateCommand.class));
        }
        commands.addAll(List.of(SettingsCommand.class, SqlCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class));
        commands.forEach(etl::addSubcommand);
        CommandLine run = etl.getSubcommands().get("run");
        CommandLine graph = etl.getSubcommands().get("graph");
        for (TaskType<?> type : environment.registry().types()) {
            run.addSubcommand(type.family(), new RunTaskCommand(environment, type).commandLine());
            graph.addSubcommand(type.family(), new GraphTaskCommand(type).commandLine());
        }
        environment.groups().types().forEach(group -> {
            run.addSubcommand(group.family(), new RunTaskCommand(environment, group).commandLine());
            graph.addSubcommand(group.family(), new GraphTaskCommand(group).commandLine());
        });
        return etl;
    }

    /**
     * Runs the command only once every setting is known and well-formed; help needs no settings. A run that a
     * setting stops leaves its reports, as any run stopped before its first task does.
     */
    private record SettingsCheckedFirst(CliEnvironment environment) implements CommandLine.IExecutionStrategy {

        @Override
        public int execute(CommandLine.ParseResult parsed) {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            try {
                environment.check();
            } catch (ConfigurationException e) {
                List<CommandLine> commands = parsed.asCommandLineList();
                CommandLine command = commands.get(commands.size() - 1);
                if (command.getCommand() instanceof RunTaskCommand run) {
                    run.reportStoppedBeforeStart(e);
                }
                throw new CommandLine.ExecutionException(command, e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /** Turns what went wrong into one line for the user and the exit code that says what kind of wrong it was. */
    private record ErrorHandler(CliEnvironment environment)
            implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("etl: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See 'etl " + String.join(" ", e.getCommandLine().getCommandSpec().qualifiedName(" ")
                    .replaceFirst("^etl ?", "")).trim().replaceAll("^(.+)$", "$1 ") + "--help'.");
            return ExitCodes.USAGE;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
            int code = exitCode(e);
            PrintWriter err = command.getErr();
            err.println("etl: " + environment.settings().mask(code == ExitCodes.TASK_FAILED ? "error: " + Failures.firstLine(e) : e.getMessage()));
            if (environment.verbose()) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        }

        private static int exitCode(Exception e) {
            if (e instanceof ParameterException || e instanceof UnknownTaskException) {
                return ExitCodes.USAGE;
            }
            if (e instanceof SchedulingException) {
                return ExitCodes.SCHEDULING_ERROR;
            }
            if (e instanceof AlreadyRunningException) {
                return ExitCodes.ALREADY_RUNNING;
            }
            if (e instanceof ConfigurationException || e instanceof SettingException) {
                return ExitCodes.CONFIGURATION_ERROR;
            }
            return ExitCodes.TASK_FAILED;
        }
    }
}
