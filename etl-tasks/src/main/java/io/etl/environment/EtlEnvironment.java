package io.etl.environment;

import io.etl.config.MalformedSettingException;
import io.etl.config.Settings;
import io.etl.hadoop.HadoopSetup;
import io.etl.lake.Lake;
import io.etl.mongo.MongoSource;
import io.etl.reject.RejectLimit;
import io.etl.mongo.SampleMongo;
import io.etl.parameter.ParameterType;
import io.etl.task.PermanentFailure;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.Warehouse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What the stages of every ETL share, read from the settings when first needed: task types are created on every
 * start of the command line, so creating this connects to nothing and loads no Hadoop class.
 */
public final class EtlEnvironment implements AutoCloseable {

    public static final String PIG_DIR_SETTING = "pig.dir";
    public static final String SPLIT_SIZE_SETTING = "extract.split.size";
    public static final String TRANSFORM_PARTS_SETTING = "transform.parts";
    public static final String WAREHOUSE_SLICES_SETTING = "warehouse.slices";
    public static final String SETTLE_SETTING = "window.settle";
    private static final String DEFAULT_SETTLE = "5m";
    private static final int DEFAULT_SPLIT_SIZE = 1_000_000;
    private static final int DEFAULT_SLICES = 2;
    /** Parts per warehouse slice: each slice loads files in parallel, and a few per slice even out their sizes. */
    private static final int PARTS_PER_SLICE = 2;

    private final Settings settings;
    private final Clock clock;
    private Lake lake;
    private Warehouse warehouse;
    private SampleMongo sampleMongo;

    public EtlEnvironment(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock what runs take as now: when a window ends, when a load is recorded (tests move it) */
    public EtlEnvironment(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * How far behind a run's start its window ends: setting {@value #SETTLE_SETTING}, 5 minutes by default. A document
     * written at most this long after its date is still ahead of every window read before it was written, so the
     * next run reads it; and writers into the recent past leave alone a window being extracted.
     *
     * @throws MalformedSettingException if it is not a duration ({@code 5m}, {@code 90s}, {@code PT5M}) of zero or more
     */
    public Duration settle() {
        String text = settings.get(SETTLE_SETTING, DEFAULT_SETTLE);
        try {
            Duration settle = ParameterType.DURATION.parse(text);
            if (!settle.isNegative()) {
                return settle;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new MalformedSettingException(SETTLE_SETTING, "a duration of zero or more, such as 5m or 90s", text);
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
     * The source of setting {@value MongoSource#URI_SETTING}, or without it the embedded sample MongoDB of the state
     * directory, started (and on first use seeded) at the first call and released by {@link #close()}.
     *
     * @throws IOException if the embedded one is in use by another process
     */
    public synchronized MongoSource mongo() throws PermanentFailure, IOException {
        Optional<MongoSource> configured = MongoSource.configured(settings);
        if (configured.isPresent()) {
            return configured.get();
        }
        if (sampleMongo == null) {
            sampleMongo = SampleMongo.acquire(settings);
        }
        return sampleMongo.source();
    }

    /** Where Pig scripts are looked for before the class path: setting {@value #PIG_DIR_SETTING}, else {@code pig}. */
    public Path pigDirectory() {
        return Path.of(settings.get(PIG_DIR_SETTING, "pig"));
    }

    /**
     * The most documents one extract split reads: setting {@value #SPLIT_SIZE_SETTING}, by default a million (an
     * hourly window is one split; a backfill is paged). Lower it for more parallel reads on a cluster.
     */
    public int splitSize() {
        return positive(SPLIT_SIZE_SETTING, DEFAULT_SPLIT_SIZE, "number of documents");
    }

    /**
     * How many files of about equal size a transform writes, for one COPY to load in parallel: setting
     * {@value #TRANSFORM_PARTS_SETTING}. By default, for Redshift, twice its slices (setting
     * {@value #WAREHOUSE_SLICES_SETTING}, by default 2, as in the smallest cluster), so that one COPY loads them in
     * parallel; for PostgreSQL one part, as its COPY reads files one after another and splitting only costs (+50 % on
     * a million rows in local mode, measured).
     */
    public int transformParts() {
        boolean redshift = dialect() == Dialect.REDSHIFT;
        int fallback = redshift ? PARTS_PER_SLICE * positive(WAREHOUSE_SLICES_SETTING, DEFAULT_SLICES, "number of slices") : 1;
        return positive(TRANSFORM_PARTS_SETTING, fallback, "number of files");
    }

    private int positive(String setting, int fallback, String what) {
        String text = settings.get(setting, String.valueOf(fallback));
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("setting " + setting + " must be a positive " + what + ", got '" + text + "'");
    }

    /** How many rejects a window may have and still load: setting {@value RejectLimit#SETTING}. */
    public RejectLimit rejectLimit() {
        return RejectLimit.parse(settings.get(RejectLimit.SETTING, RejectLimit.DEFAULT));
    }

    /** The warehouse's dialect, from setting {@value Warehouse#URL} alone: nothing is started or connected to. */
    public Dialect dialect() {
        return settings.get(Warehouse.URL).map(Dialect::of).orElse(Dialect.POSTGRES);
    }

    /** The schema of the ETLs' tables: setting {@value Warehouse#SCHEMA}. */
    public String schema() {
        return settings.get(Warehouse.SCHEMA, "public");
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
        if (sampleMongo != null) {
            sampleMongo.release();
            sampleMongo = null;
        }
    }
}
