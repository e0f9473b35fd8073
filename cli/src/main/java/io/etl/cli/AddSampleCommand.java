package io.etl.cli;

import io.etl.environment.EtlEnvironment;
import io.etl.mongo.MongoSource;
import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterType;
import io.etl.sample.SampleCollection;
import io.etl.sample.SampleSpan;
import io.etl.task.PermanentFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * {@code etl add-sample <collection> [--count N] [--at settled|TIME]}: generated documents into the source, dated just
 * before a time ({@link SampleSpan}), so that the next incremental run has exactly them to pick up.
 */
@Command(name = "add-sample", description = "Insert generated sample documents into the source MongoDB (the embedded sample "
        + "one unless mongo.uri is set), dated a millisecond apart just before --at, for the next incremental run to pick up.")
public final class AddSampleCommand implements Callable<Integer> {

    private static final String SETTLED = "settled";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<collection>", description = "The collection to add to, such as actions_taken.")
    String collection;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100", description = "How many documents (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--at", paramLabel = "TIME", defaultValue = SETTLED,
            description = "The documents are dated just before this instant (UTC): settled (now less setting window.settle, "
                    + "what the next incremental run reads up to), now, 2026-11-22T10:00:00Z, 2026-11-22 10:00"
                    + " (default: ${DEFAULT-VALUE}).")
    String at;

    private final CliEnvironment environment;

    AddSampleCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        SampleCollection sample = SampleCollection.named(collection).orElseThrow(() -> new ParameterException(
                "no sample generator for collection '" + collection + "'; it can generate: "
                        + SampleCollection.all().stream().map(SampleCollection::collection).sorted().collect(Collectors.joining(", "))));
        if (count < 1) {
            throw new ParameterException("--count must be at least 1, got " + count);
        }
        try (EtlEnvironment etl = new EtlEnvironment(environment.settings())) {
            SampleSpan span = SampleSpan.before(until(etl.settle()), count);
            MongoSource source = etl.mongo();
            long inserted = source.insert(collection, sample.documents(ThreadLocalRandom.current().nextLong(), count,
                    span.from(), span.until()));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("inserted %,d %s documents into %s, dated from %s to before %s%n", inserted, collection,
                    source.describe(collection), span.from(), span.until());
            out.flush();
        } catch (IOException | PermanentFailure e) {
            throw new ConfigurationException(e.getMessage());
        }
        return ExitCodes.OK;
    }

    private Instant until(Duration settle) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (at.equals(SETTLED)) {
            return now.minus(settle);
        }
        if (at.equals("now")) {
            return now;
        }
        try {
            return ParameterType.INSTANT.parse(at);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("--at: " + e.getMessage());
        }
    }
}
