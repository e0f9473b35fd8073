package io.etl.cli;

import io.etl.window.Window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One ETL's state, or a SQL model's, as {@code etl status} and {@code etl dashboard} show it.
 *
 * @param loadedUpTo the upper end of the latest successful load's window: everything before it is in the warehouse;
 *                   for a model, of the loads its latest successful run pulled, or else when that run ended
 * @param lag        how long ago {@code loadedUpTo} was
 * @param holes      time between windows loaded that no load read (the next incremental run reads from the first);
 *                   null when the warehouse was not read
 * @param lastAudit  what the last {@code etl audit} found, and when; null if none ran
 * @param newFields  the fields its latest extract found that the ETL does not declare; null if no extract ran
 */
record EtlStatus(String etl, Tracked kind, Instant loadedUpTo, Long rows, Instant loadedAt, Duration lag, String lastRunStatus,
                 Instant lastRunAt, List<Window> holes, LastAudit lastAudit, NewFields newFields) {

    /** How the state's instants are written for people: UTC, to the second. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
}
