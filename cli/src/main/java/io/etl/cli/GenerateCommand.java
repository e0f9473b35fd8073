package io.etl.cli;

import io.etl.environment.EtlEnvironment;
import io.etl.generate.ArraysMode;
import io.etl.generate.DeclarationDrift;
import io.etl.generate.EtlGenerator;
import io.etl.generate.EtlPlan;
import io.etl.generate.EtlRenderer;
import io.etl.generate.EtlRewrite;
import io.etl.generate.EtlUpdate;
import io.etl.generate.GenerateException;
import io.etl.generate.GenerateOptions;
import io.etl.generate.GeneratedFile;
import io.etl.generate.ProjectTree;
import io.etl.parameter.ParameterException;
import io.etl.pipeline.EtlPipeline;
import io.etl.pipeline.PipelineCatalog;
import io.etl.task.PermanentFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code etl generate <collection>}: samples a live collection and writes a working ETL for it into the source tree
 * (its declaration and catalog, its Pig script, in the module {@code etls}), or prints it with {@code --dry-run}.
 */
@Command(name = "generate", description = "Sample a collection of the source MongoDB and write a working ETL for it: "
        + "etls/src/main/java/io/etl/generated/<name>/ and etls/pig/<name>.pig.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<collection>", description = "The collection to replicate.")
    String collection;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "1000", description = "Documents sampled, the newest first (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--arrays", paramLabel = "columns|columns+rest|json", defaultValue = "columns",
            description = "Arrays of scalars as numbered columns (columns+rest: and the elements past them as JSON in "
                    + "<name>_rest), or as one JSON text column (default: ${DEFAULT-VALUE}).")
    String arrays;

    @Option(names = "--array-columns", paramLabel = "N",
            description = "Columns per array (default: the longest array sampled, at most 10).")
    Integer arrayColumns;

    @Option(names = "--cursor", paramLabel = "FIELD", description = "The date field windows select on, when the indexes do not name exactly one.")
    String cursor;

    @Option(names = "--exclude", paramLabel = "FIELD", description = "Leave a field out (with the fields inside it); repeatable.")
    Set<String> excluded = new LinkedHashSet<>();

    @Option(names = "--rename", paramLabel = "FIELD=column", description = "Name a field's column yourself; repeatable.")
    Map<String, String> renamed = new LinkedHashMap<>();

    @Option(names = "--unwind", paramLabel = "FIELD",
            description = "Unwind an array into a child table <etl>_<field>: one row per element, with the document's key"
                    + " and the element's position; repeatable.")
    Set<String> unwound = new LinkedHashSet<>();

    @Option(names = "--update", description = "Compare the collection with the ETL that reads it, and list what changed:"
            + " new fields, strings longer than their column, values of another type; with --force, write the ETL again"
            + " with them, its columns keeping their names and widths.")
    boolean update;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Option(names = {"--dry-run", "-n"}, description = "Print the files instead of writing them.")
    boolean dryRun;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".", description = "The source tree to write into (default: the current folder).")
    Path project;

    private final CliEnvironment environment;

    GenerateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EtlEnvironment etl = new EtlEnvironment(environment.settings())) {
            if (update) {
                update(etl, out);
                return ExitCodes.OK;
            }
            ProjectTree tree = new ProjectTree(project);
            EtlPlan plan = new EtlGenerator(etl.mongo()).plan(collection, options(Optional.ofNullable(cursor)));
            List<GeneratedFile> files = new EtlRenderer(tree.templates()).render(plan);
            if (dryRun) {
                files.forEach(file -> out.printf("==> %s <==%n%s%n", file.path(), file.text()));
            } else {
                write(tree, plan, files, out);
            }
            warnings(plan, out);
            out.flush();
        } catch (GenerateException e) {
            throw new ParameterException(e.getMessage());
        } catch (IOException | PermanentFailure e) {
            throw new ConfigurationException(e.getMessage());
        }
        return ExitCodes.OK;
    }

    /**
     * What changed in the collection since the declaration of the ETL that reads it, sampled on that ETL's cursor; with
     * {@code --force}, the ETL written again with the changes that generating can make.
     */
    private void update(EtlEnvironment etl, PrintWriter out) throws IOException, PermanentFailure {
        EtlUpdate update = EtlUpdate.sample(new EtlGenerator(etl.mongo()), reading(etl), options(Optional.empty()));
        DeclarationDrift drift = update.drift();
        if (drift.none()) {
            out.printf("%s: its declaration maps every field of the %,d documents sampled from %s%n", drift.etl(),
                    update.sampled().sampled(), collection);
        } else {
            out.printf("%s: %d change(s) in the %,d documents sampled from %s since its declaration:%n", drift.etl(),
                    drift.changes().size(), update.sampled().sampled(), collection);
            drift.changes().forEach(change -> out.println("  " + change));
            if (force) {
                rewrite(update, out);
            }
        }
        out.flush();
    }

    private EtlPipeline reading(EtlEnvironment etl) {
        List<EtlPipeline> reading = PipelineCatalog.discover(etl).stream()
                .filter(pipeline -> pipeline.spec().collection().equals(collection)).toList();
        if (reading.size() != 1) {
            throw new ParameterException(reading.isEmpty()
                    ? "no ETL reads collection '" + collection + "': generate one without --update"
                    : "several ETLs read collection '" + collection + "': " + reading.stream().map(p -> p.spec().name()).toList());
        }
        return reading.get(0);
    }

    /**
     * Writes the ETL again over the files etl generate wrote for it, keeping their edits ({@link EtlRewrite}); an ETL
     * written otherwise is edited by hand.
     */
    private void rewrite(EtlUpdate update, PrintWriter out) throws IOException {
        EtlPlan rewritten = update.rewritten();
        ProjectTree tree = new ProjectTree(project);
        List<GeneratedFile> files = new EtlRenderer(tree.templates()).render(rewritten);
        if (tree.existing(files).size() != files.size()) {
            throw new ParameterException(update.drift().etl() + " was not written by etl generate (no " + files.get(0).path()
                    + "): edit its declaration by hand");
        }
        tree.write(new EtlRewrite(rewritten, Set.copyOf(update.pipeline().spec().paths())).over(files, tree));
        files.forEach(file -> out.println("rewrote " + file.path()));
        out.println("the next load adds the new columns and widens the strings of table " + update.pipeline().table().qualified());
    }

    private GenerateOptions options(Optional<String> cursorPath) {
        ArraysMode mode = switch (arrays) {
            case "columns" -> ArraysMode.COLUMNS;
            case "columns+rest" -> ArraysMode.COLUMNS_AND_REST;
            case "json" -> ArraysMode.JSON;
            default -> throw new ParameterException("--arrays must be columns, columns+rest or json, got '" + arrays + "'");
        };
        return new GenerateOptions(sample, mode, arrayColumns == null ? OptionalInt.empty() : OptionalInt.of(arrayColumns),
                cursorPath, excluded, renamed, unwound);
    }

    private void write(ProjectTree tree, EtlPlan plan, List<GeneratedFile> files, PrintWriter out) throws IOException {
        List<String> existing = tree.existing(files);
        if (!existing.isEmpty() && !force) {
            throw new ParameterException("these files exist; --force overwrites them: " + String.join(", ", existing));
        }
        tree.write(files);
        files.forEach(file -> out.println("wrote " + file.path()));
        if (tree.register(EtlRenderer.catalog(plan))) {
            out.println("registered " + EtlRenderer.catalog(plan) + " in " + ProjectTree.SERVICES);
        }
        out.printf("%s: %d columns from %,d sampled documents, key %s, cursor %s; next: ./etl run %s --incremental%n",
                plan.name(), plan.columns().size(), plan.sampled(), plan.key().path(), plan.cursor().path(), plan.name());
    }

    private static void warnings(EtlPlan plan, PrintWriter out) {
        plan.warnings().forEach(warning -> out.println("warning: " + warning));
        if (!plan.unaddressable().isEmpty()) {
            out.println("left out (no dot path can name them): " + String.join(", ", plan.unaddressable()));
        }
        if (!plan.cursorIndexed()) {
            out.println("warning: '" + plan.cursor().path() + "' is not indexed, and the extract refuses to scan the whole"
                    + " collection; create the index with: " + EtlGenerator.createIndexCommand(plan));
        }
    }
}
