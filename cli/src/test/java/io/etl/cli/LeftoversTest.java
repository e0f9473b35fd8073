package io.etl.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What killed runs leave in the state directory, uncommitted stage folders in the lake and Hadoop's job folders, is
 * removed by the next run of the ETL, and what runs committed stays.
 */
class LeftoversTest {

    @TempDir
    Path home;

    @RegisterExtension
    final TestServers servers = new TestServers();

    @BeforeEach
    void fillTheSource() {
        servers.clicks(Instant.parse("2026-10-15T12:00:00Z"), 1);
    }

    private Etl.Result run() {
        return new Etl(home).run("run", "actions_taken", "--incremental", "--set", "mongo.uri=" + servers.mongoUri(),
                "--set", "warehouse.url=" + servers.warehouseUrl());
    }

    /** A file, and the folders to it, written {@code age} ago. */
    private Path leave(String path, Duration age) throws Exception {
        Path file = home.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "left by a killed run");
        FileTime then = FileTime.from(Instant.now().minus(age));
        for (Path p = file; !p.equals(home); p = p.getParent()) {
            Files.setLastModifiedTime(p, then);
        }
        return file;
    }

    /** The committed flags under the lake's folder of the ETL. */
    private List<Path> committed() throws Exception {
        try (Stream<Path> files = Files.walk(home.resolve("lake/actions_taken"))) {
            return files.filter(f -> f.getFileName().toString().equals("_SUCCESS")).sorted(Comparator.naturalOrder()).toList();
        }
    }

    @Test
    void the_next_run_removes_what_killed_runs_left_and_keeps_what_runs_committed() throws Exception {
        assertEquals(ExitCodes.OK, run().exitCode());
        List<Path> committed = committed();
        assertEquals(2, committed.size(), "the extract and the transform of the window: " + committed);
        Path killedWindow = home.resolve("lake/actions_taken/20261001T000000Z_20261002T000000Z");
        leave("lake/actions_taken/20261001T000000Z_20261002T000000Z/extract/_temporary/0/part-m-00000", Duration.ZERO);
        leave("lake/actions_taken/20261001T000000Z_20261002T000000Z/extract/part-m-00001", Duration.ZERO);
        String committedWindow = home.resolve("lake").relativize(committed.get(0).getParent().getParent()).toString();
        Path killedReload = leave("lake/" + committedWindow + "/reload_20261201T000000Z/transform/part-r-00000", Duration.ZERO).getParent().getParent();
        Path oldJob = leave("hadoop/staging/root/.staging/job_local1_0001/job.xml", Duration.ofDays(2));
        Path oldPig = leave("hadoop/pig/temp-1234/tmp5678/part-m-00000", Duration.ofDays(2));
        Path runningJob = leave("hadoop/staging/root/.staging/job_local2_0001/job.xml", Duration.ofMinutes(5));

        Etl.Result next = run();

        assertEquals(ExitCodes.OK, next.exitCode(), next::toString);
        assertFalse(Files.exists(killedWindow), "a window whose extract never committed");
        assertFalse(Files.exists(killedReload), "a reload whose transform never committed");
        assertFalse(Files.exists(oldJob.getParent()), "a job folder of two days ago");
        assertFalse(Files.exists(oldPig.getParent().getParent()), "Pig's temporary files of two days ago");
        assertTrue(Files.exists(runningJob), "a job that may be running for another ETL");
        assertTrue(committed().containsAll(committed), "what the first run committed");
        assertTrue(next.err().contains("etl: removed what runs that did not finish left in the lake: " + committedWindow
                + "/reload_20261201T000000Z/transform, actions_taken/20261001T000000Z_20261002T000000Z/extract\n"), next::toString);
    }
}
