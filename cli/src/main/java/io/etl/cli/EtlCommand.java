package io.etl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code etl}: the root command; alone it prints its usage. */
@Command(name = "etl",
        // inherited: --help and --version on every command, including the ones added at start-up
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs batch ETL pipelines: MongoDB to the warehouse through Hadoop and Pig, with dependencies, retries and history.",
        // the subcommands are added at start-up (Main): some are there only on a development machine
        exitCodeListHeading = "%nExit codes (of run all or a group: the worst of its ETLs'):%n",
        exitCodeList = {
                "0:the task (and everything it needs) is complete",
                "1:a task failed after its retries",
                "2:bad usage: unknown command, task or parameter, malformed value",
                "3:scheduling error: dependency cycle, missing input, a warehouse that does not answer the plan",
                "4:another run of the same ETL is in progress; for run all or a group: of some ETLs, skipped, the rest complete",
                "5:configuration error: an unknown or malformed setting, a SQL model that cannot be built as written, a warehouse without mongo.uri, a server not set that this installation cannot stand in for; for audit and sql, a server that does not answer",
                "6:complete, but documents were rejected (listed, and in etl_rejects)",
                "7:etl audit: the warehouse differs from the source in some bucket",
                "130:interrupted (Ctrl-C, SIGTERM, Jenkins abort)"})
public final class EtlCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
