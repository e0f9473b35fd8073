package io.etl.bench;

import io.etl.actions.ActionsTaken;
import io.etl.actions.ActionsTakenGenerator;
import io.etl.environment.EtlEnvironment;
import io.etl.mongo.MongoSource;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.task.Task;
import io.etl.testing.TestSettings;
import io.etl.window.WindowParameters;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Extract then transform of N generated {@code actions_taken} documents (default 1,000,000), all in this JVM:
 * mongo-java-server with its in-memory back end on loopback, Hadoop and Pig in local mode, a local lake. Prints
 * each stage's rate and the peak memory (resident set from /proc/self/status VmHWM, and the heap pools' peaks).
 * Run it with {@code bench/extract-transform.sh [documents [setting=value …]]}, such as
 * {@code bench/extract-transform.sh 1000000 extract.split.size=500000}.
 */
public final class ExtractTransformBenchmark {

    private ExtractTransformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long documents = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path home = Files.createTempDirectory("etl-bench");
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/bench";
        List<String> settings = new ArrayList<>(List.of("mongo.uri", uri));
        Arrays.stream(args).skip(1).map(setting -> setting.split("=", 2)).forEach(pair -> settings.addAll(List.of(pair)));
        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(home, settings.toArray(String[]::new)))) {
            long loadStart = System.nanoTime();
            load(environment.mongo(), documents);
            System.out.printf("loaded %,d documents into mongo-java-server (memory back end) in %.1f s%n",
                    documents, seconds(System.nanoTime() - loadStart));

            Task transform = ActionsTaken.pipeline(environment).transform()
                    .with(WindowParameters.LOWER, ActionsTakenGenerator.START)
                    .with(WindowParameters.UPPER, ActionsTakenGenerator.START.plus(ActionsTakenGenerator.SPAN))
                    .create();
            RunSummary extract = Scheduler.builder().build().run(transform.requires().get(0));
            report("extract", extract, "rows_extracted");
            RunSummary transformed = Scheduler.builder().build().run(transform);
            report("transform", transformed, "rows_transformed");
            System.out.printf("peak memory: resident %s, heap %,d MiB (sum of the heap pools' peaks)%n",
                    residentPeak(), heapPeak() >> 20);
        } finally {
            server.shutdownNow();
        }
    }

    private static void load(MongoSource source, long documents) throws Exception {
        source.query(database -> database.getCollection("actions_taken").createIndex(Indexes.ascending("date")));
        source.insert("actions_taken", new ActionsTakenGenerator(7, documents, ActionsTakenGenerator.START,
                ActionsTakenGenerator.START.plus(ActionsTakenGenerator.SPAN)));
    }

    private static void report(String stage, RunSummary summary, String rowsMetric) {
        if (summary.status() != RunStatus.SUCCESS) {
            throw new IllegalStateException(stage + " did not succeed: " + summary.rootOutcome().error().orElse(""));
        }
        TaskOutcome outcome = summary.rootOutcome();
        long rows = outcome.metrics().get(rowsMetric);
        Duration took = outcome.duration();
        System.out.printf("%-9s %,d rows in %.1f s: %,.0f rows/s%n", stage, rows, seconds(took.toNanos()),
                rows / seconds(took.toNanos()));
    }

    private static String residentPeak() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).trim())
                .findFirst().orElse("unknown");
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
