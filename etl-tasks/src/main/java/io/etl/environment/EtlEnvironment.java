package io.etl.environment;

import io.etl.config.Settings;
import io.etl.hadoop.HadoopSetup;
import io.etl.lake.Lake;
import io.etl.mongo.MongoSource;
import io.etl.mongo.SampleMongo;
import io.etl.task.PermanentFailure;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.Warehouse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
    private static final int DEFAULT_SPLIT_SIZE = 1_000_000;
    private static final int DEFAULT_SLICES = 2;
    /** Parts per warehouse slice: each slice loads files in parallel, and a few per slice even out their sizes. */
    private static final int PARTS_PER_SLICE = 2;

    private final Settings settings;
    private Lake lake;
    private Warehouse warehouse;
    private SampleMongo sampleMongo;

    public EtlEnvironment(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
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
        boolean redshift = settings.get(Warehouse.URL).map(Dialect::of).orElse(Dialect.POSTGRES) == Dialect.REDSHIFT;
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

    /** The warehouse of setting {@code warehouse.url} (the embedded one without it), opened once. */
    public synchronized Warehouse warehouse() {
        if (warehouse == null) {
            warehouse = Warehouse.open(settings, Clock.systemUTC());
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
