package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A team keeps its ETLs in a Maven project of its own ({@code src/it/team-etls}), built against the framework's
 * artifacts as installed in a Maven repository, and the command runs them from setting {@code etls.path}. Run by
 * failsafe, after this build has packaged the framework's jars.
 */
class TeamEtlProjectIT {

    private static final String VERSION = System.getProperty("etl.version");
    private static final Path ROOT = Path.of(System.getProperty("etl.root"));
    /** Where this build's Maven found its dependencies: the team's build reads them from there, and nothing else. */
    private static final Path DEPENDENCIES = Path.of(System.getProperty("etl.dependencies"));

    @TempDir
    Path work;

    @RegisterExtension
    final TestServers servers = new TestServers();

    @Test
    void a_team_project_built_against_the_installed_framework_runs_its_etl_through_the_command() throws Exception {
        Path repository = installFramework(work.resolve("repository"));
        Path jar = build(copyProject(work.resolve("team-etls")), repository);
        servers.clicks(Instant.parse("2026-11-30T10:00:00Z"), 12);
        Etl etl = new Etl(work.resolve("home"));
        String[] settings = {"--set", "etls.path=" + jar, "--set", "mongo.uri=" + servers.mongoUri(),
                "--set", "warehouse.url=" + servers.warehouseUrl()};

        Etl.Result list = etl.run(with(settings, "list"));
        Etl.Result run = etl.run(with(settings, "run", "team_clicks", "--incremental"));
        Etl.Result rows = etl.run(with(settings, "sql", "SELECT action, COUNT(*) AS n FROM team_clicks GROUP BY 1", "--format", "tsv"));

        assertTrue(list.out().contains("  team_clicks "), list::toString);
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertEquals("action\tn\nclick\t12\n", rows.out(), rows::toString);
    }

    /** The framework's artifacts, placed in a fresh repository as {@code mvn install} places them. */
    private static Path installFramework(Path repository) throws IOException {
        install(repository, "etl-parent", ROOT.resolve("pom.xml"), null);
        for (String module : List.of("etl-core", "etl-tasks", "pig-roaringbitmap")) {
            install(repository, module, ROOT.resolve(module).resolve("pom.xml"),
                    ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar"));
        }
        return repository;
    }

    private static void install(Path repository, String artifact, Path pom, Path jar) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("io/etl").resolve(artifact).resolve(VERSION));
        Files.copy(pom, folder.resolve(artifact + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            assertTrue(Files.isRegularFile(jar), jar + " is not built");
            Files.copy(jar, folder.resolve(artifact + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path copyProject(Path target) throws IOException {
        Path source = Path.of("src/it/team-etls");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, Files.readString(file, StandardCharsets.UTF_8).replace("@etl.version@", VERSION),
                        StandardCharsets.UTF_8);
            }
        }
        return target;
    }

    /** Builds the team's project with Maven, its only remote this build's repository of dependencies; returns its jar. */
    private Path build(Path project, Path repository) throws Exception {
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror><id>dependencies</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(DEPENDENCIES.toUri()), StandardCharsets.UTF_8);
        Path log = work.resolve("mvn.log");
        ProcessBuilder maven = new ProcessBuilder("mvn", "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, "package")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        maven.environment().remove("MAVEN_OPTS");
        Process process = maven.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the team's build did not end");
        assertEquals(0, process.exitValue(), () -> "the team's build failed:\n" + read(log));
        Path jar = project.resolve("target/team-etls-1.0.jar");
        assertTrue(Files.isRegularFile(jar), jar::toString);
        return jar;
    }

    private static String[] with(String[] settings, String... args) {
        return Stream.concat(Stream.of(args), Stream.of(settings)).toArray(String[]::new);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
