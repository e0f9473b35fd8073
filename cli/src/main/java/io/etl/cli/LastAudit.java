package io.etl.cli;

import io.etl.audit.AuditResult;
import io.etl.state.Json;
import io.etl.state.StateDirectory;
import io.etl.targets.LocalFileTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The last audit of an ETL, as {@code etl status} shows it: kept in {@code audits/<etl>.json} of the state directory.
 *
 * @param buckets   how many buckets it compared
 * @param differing how many differed
 * @param missing   documents of the source the warehouse does not account for
 * @param extra     rows of the warehouse beyond the source's documents
 */
record LastAudit(String etl, Instant checkedAt, String by, Instant since, Instant until, int buckets, int differing,
                 long missing, long extra) {

    static LastAudit of(AuditResult audit) {
        return new LastAudit(audit.etl(), audit.checkedAt(), audit.by().sqlUnit(),
                audit.range() == null ? null : audit.range().lower(), audit.range() == null ? null : audit.range().upper(),
                audit.buckets().size(), audit.differing().size(), audit.missing(), audit.extra());
    }

    void save(StateDirectory state) throws Exception {
        LocalFileTarget.at(file(state, etl)).writeString(Json.MAPPER.writeValueAsString(this));
    }

    static Optional<LastAudit> read(StateDirectory state, String etl) {
        Path file = file(state, etl);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), LastAudit.class));
        } catch (IOException unreadable) {
            return Optional.empty(); // an older or damaged record: status shows none rather than fail
        }
    }

    /** "clean at 2026-12-01 10:00:00" or "3 bucket(s) differ at …", for the status line. */
    String summary(DateTimeFormatter time) {
        return (differing == 0 ? "clean" : String.format("%,d of %,d bucket(s) differ (%,d missing, %,d extra)", differing,
                buckets, missing, extra)) + " at " + time.format(checkedAt);
    }

    private static Path file(StateDirectory state, String etl) {
        return state.resolve("audits").resolve(etl + ".json");
    }
}
