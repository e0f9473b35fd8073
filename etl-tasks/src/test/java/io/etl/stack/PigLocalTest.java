package io.etl.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.pig.ExecType;
import org.apache.pig.PigServer;
import org.apache.pig.backend.executionengine.ExecJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pig 0.18 in local mode on Hadoop 3.4: LOAD, FOREACH with ToDate/ToString, ORDER BY, STORE. */
class PigLocalTest {
    @TempDir Path tmp;

    @Test
    void transformsAndOrdersTsv() throws Exception {
        Path in = tmp.resolve("in.tsv");
        Files.writeString(in, """
                3\tcarol\t2024-03-05T10:00:00.000Z
                1\talice\t2024-01-02T08:30:00.000Z
                2\tbob\t2024-02-03T23:59:59.000Z
                """);
        Path out = tmp.resolve("out");

        Properties props = new Properties();
        props.setProperty("pig.temp.dir", tmp.resolve("pig-tmp").toString());
        props.setProperty("hadoop.tmp.dir", tmp.resolve("hadoop-tmp").toString());
        props.setProperty("mapreduce.cluster.local.dir", tmp.resolve("mr-local").toString());
        props.setProperty("mapreduce.jobtracker.staging.root.dir", tmp.resolve("staging").toString());
        props.setProperty("mapreduce.client.completion.pollinterval", "50");
        PigServer pig = new PigServer(ExecType.LOCAL, props);
        try {
            pig.registerQuery("a = LOAD '" + in.toUri() + "' USING PigStorage('\\t') AS (id:int, name:chararray, ts:chararray);");
            pig.registerQuery("b = FOREACH a GENERATE id, UPPER(name) AS name, "
                    + "ToString(ToDate(ts, 'yyyy-MM-dd\\'T\\'HH:mm:ss.SSSZ', 'UTC'), 'yyyy-MM-dd HH:mm:ss') AS ts;");
            pig.registerQuery("c = ORDER b BY id DESC;");
            ExecJob job = pig.store("c", out.toUri().toString(), "PigStorage('\\t')");
            assertEquals(ExecJob.JOB_STATUS.COMPLETED, job.getStatus());
        } finally {
            pig.shutdown();
        }

        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertEquals(List.of(
                "3\tCAROL\t2024-03-05 10:00:00",
                "2\tBOB\t2024-02-03 23:59:59",
                "1\tALICE\t2024-01-02 08:30:00"), lines);
    }
}
