package io.etl.environment;

import io.etl.config.ConflictingSettingsException;
import io.etl.config.MalformedSettingException;
import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.embedded.Embedded;
import io.etl.embedded.Running;
import io.etl.extract.ExtractTask;
import io.etl.hadoop.HadoopSetup;
import io.etl.lake.Lake;
import io.etl.lake.S3Options;
import io.etl.load.LoadTask;
import io.etl.mongo.MongoSource;
import io.etl.reject.RejectLimit;
import io.etl.task.PermanentFailure;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.Warehouse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the stages of every ETL share, read from the settings when first needed: task types are created on every
 * start of the command line, so creating this connects to nothing and loads no Hadoop class.
 */
public final class EtlEnvironment implements AutoCloseable {

    public static final SettingKey<Path> PIG_DIR = SettingKey.of("pig.dir", SettingType.path(), "etls/pig",
            "Where Pig scripts are looked for before the class path (the source tree's, from its root)");
    public static final SettingKey<Integer> SPLIT_SIZE = SettingKey.of("extract.split.size", SettingType.atLeast(1), "1000000",
            "The most documents one extract split reads: an hourly window is one split, a backfill is paged");
    public static final SettingKey<Optional<Integer>> TRANSFORM_PARTS = SettingKey.optional("transform.parts", SettingType.atLeast(1),
            "Files of about equal size a transform writes, for one COPY to load in parallel"
                    + " (default: 2 per warehouse slice on Redshift, 1 on PostgreSQL)");
    public static final SettingKey<Duration> SETTLE = SettingKey.of("window.settle", SettingType.duration(), "5m",
            "How far behind a run's start its window ends, so that documents written late are read by the next run");
    /** Parts per warehouse slice: each slice loads files in parallel, and a few per slice even out their sizes. */
    private static final int PARTS_PER_SLICE = 2;

    private final Settings settings;
    private final Clock clock;
    private Lake lake;
    private Warehouse warehouse;
    private Running<MongoSource> embeddedSource;

    public EtlEnvironment(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock what runs take as now: when a window ends, when a load is recorded (tests move it) */
    public EtlEnvironment(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Every setting the stages of the ETLs read, and the embedded source's if this installation has one. */
    public static List<SettingKey<?>> settingKeys() {
        List<SettingKey<?>> keys = new ArrayList<>(List.of(MongoSource.URI, MongoSource.TIMEOUT,
                Warehouse.URL, Warehouse.USER, Warehouse.PASSWORD, Warehouse.PASSWORD_FILE, Warehouse.SCHEMA,
                Warehouse.CONNECT_TIMEOUT, Warehouse.SLICES, LoadTask.IAM_ROLE, LoadTask.COPY_OPTIONS,
                Lake.LOCATION, S3Options.ENDPOINT, S3Options.REGION, S3Options.PATH_STYLE, S3Options.ACCESS_KEY, S3Options.SECRET_KEY,
                HadoopSetup.CONF_DIR, HadoopSetup.LOCAL_MAPS, PIG_DIR, SPLIT_SIZE, ExtractTask.PROFILE_UNMAPPED, TRANSFORM_PARTS,
                SETTLE, RejectLimit.MAX));
        Embedded.source().ifPresent(source -> keys.addAll(source.settingKeys()));
        return keys;
    }

    /**
     * The embedded sample MongoDB loads only into the embedded warehouse: a real warehouse with no {@code mongo.uri}
     * is a mistake (a typo in the key, a variable not passed), and must not load sample rows into it.
     *
     * @throws ConflictingSettingsException if a warehouse is configured and no source is
     */
    public static void requireRealSourceForRealWarehouse(Settings settings) {
        if (settings.isSet(Warehouse.URL) && !settings.isSet(MongoSource.URI)) {
            throw new ConflictingSettingsException(Warehouse.URL.name() + " is set (" + settings.source(Warehouse.URL) + ") but "
                    + MongoSource.URI.name() + " is not: set " + MongoSource.URI.name() + " to the MongoDB to load from"
                    + " (the embedded sample MongoDB loads only into the embedded warehouse)");
        }
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * How far behind a run's start its window ends: setting {@link #SETTLE}, 5 minutes by default. A document
     * written at most this long after its date is still ahead of every window read before it was written, so the
     * next run reads it; and writers into the recent past leave alone a window being extracted.
     *
     * @throws MalformedSettingException if it is not a duration ({@code 5m}, {@code 90s}, {@code PT5M}) of zero or more
     */
    public Duration settle() {
        return settings.get(SETTLE);
    }

    /** The lake of setting {@code lake.uri}, opened once. */
    public synchronized Lake lake() {
        if (lake == null) {
            lake = Lake.open(settings);
        }
        return lake;
    }

    public HadoopSetup hadoop() {
        return HadoopSetup.from(settings, System.getenv());
    }

    /**
     * The source of setting {@code mongo.uri}, or without it the embedded sample MongoDB of the state
     * directory, started (and on first use seeded) at the first call and released by {@link #close()}.
     *
     * @throws IOException if the embedded one is in use by another process
     * @throws io.etl.config.MissingSettingException if this installation has no embedded one
     */
    public synchronized MongoSource mongo() throws PermanentFailure, IOException {
        Optional<MongoSource> configured = MongoSource.configured(settings);
        if (configured.isPresent()) {
            return configured.get();
        }
        requireRealSourceForRealWarehouse(settings);
        if (embeddedSource == null) {
            embeddedSource = Embedded.require(Embedded.source(), MongoSource.URI, "sample MongoDB").start(settings);
        }
        return embeddedSource.service();
    }

    /** Where Pig scripts are looked for before the class path: setting {@link #PIG_DIR}, else {@code etls/pig}. */
    public Path pigDirectory() {
        return settings.get(PIG_DIR);
    }

    /**
     * The most documents one extract split reads: setting {@link #SPLIT_SIZE}, by default a million (an
     * hourly window is one split; a backfill is paged). Lower it for more parallel reads on a cluster.
     */
    public int splitSize() {
        return settings.get(SPLIT_SIZE);
    }

    /**
     * How many files of about equal size a transform writes, for one COPY to load in parallel: setting
     * {@link #TRANSFORM_PARTS}. By default, for Redshift, twice its slices (setting
     * {@link Warehouse#SLICES}, by default 2, as in the smallest cluster), so that one COPY loads them in
     * parallel; for PostgreSQL one part, as its COPY reads files one after another and splitting only costs (+50 % on
     * a million rows in local mode, measured).
     */
    public int transformParts() {
        return settings.get(TRANSFORM_PARTS).orElseGet(() ->
                dialect() == Dialect.REDSHIFT ? PARTS_PER_SLICE * settings.get(Warehouse.SLICES) : 1);
    }

    /** How many rejects a window may have and still load: setting {@link RejectLimit#MAX}. */
    public RejectLimit rejectLimit() {
        return settings.get(RejectLimit.MAX);
    }

    /** The warehouse's dialect, from setting {@link Warehouse#URL} alone: nothing is started or connected to. */
    public Dialect dialect() {
        return settings.get(Warehouse.URL).map(Dialect::of).orElse(Dialect.POSTGRES);
    }

    /** The schema of the ETLs' tables: setting {@link Warehouse#SCHEMA}. */
    public String schema() {
        return settings.get(Warehouse.SCHEMA);
    }

    /** The warehouse of setting {@code warehouse.url} (the embedded one without it), opened once. */
    public synchronized Warehouse warehouse() {
        if (warehouse == null) {
            warehouse = Warehouse.open(settings, clock);
        }
        return warehouse;
    }

    @Override
    public synchronized void close() {
        if (warehouse != null) {
            warehouse.close();
        }
        if (lake != null) {
            lake.close();
        }
        if (embeddedSource != null) {
            embeddedSource.close();
            embeddedSource = null;
        }
    }
}
