package io.etl.warehouse;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.embedded.Embedded;
import io.etl.embedded.EmbeddedDatabase;
import io.etl.embedded.SharedServers;
import io.etl.embedded.Running;
import io.etl.reject.Reject;
import io.etl.state.StateDirectory;
import io.etl.task.PermanentFailure;
import io.etl.tsv.Tsv;
import io.etl.window.Bucketing;
import io.etl.window.Window;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;

/**
 * The warehouse an ETL loads: Redshift or PostgreSQL by JDBC URL (setting {@code warehouse.url}), or, with no URL, the
 * embedded PostgreSQL in the state directory. A window is loaded in one transaction — staging, replacing the rows
 * whose keys it holds, inserting, and the load marker — so a crash at any point leaves the table as it was.
 */
public final class Warehouse implements AutoCloseable {

    /** Only the two warehouses we speak the SQL of: another database is refused, not treated as PostgreSQL. */
    public static final SettingKey<Optional<String>> URL = SettingKey.optional("warehouse.url",
            SettingType.text().requiring(url -> Dialect.find(url).isPresent())
                    .described("a JDBC URL of Redshift (jdbc:redshift://host:5439/db) or PostgreSQL (jdbc:postgresql://host:5432/db)"),
            "The warehouse the ETLs load; unset, the embedded PostgreSQL of the state directory");
    public static final SettingKey<Optional<String>> USER = SettingKey.optional("warehouse.user", SettingType.text(),
            "The warehouse user");
    public static final SettingKey<Optional<String>> PASSWORD = SettingKey.optional("warehouse.password", SettingType.text(),
            "The warehouse user's password").asSecret();
    public static final SettingKey<Optional<Path>> PASSWORD_FILE = SettingKey.optional("warehouse.password.file", SettingType.path(),
            "A file holding the warehouse user's password, instead of warehouse.password");
    public static final SettingKey<String> SCHEMA = SettingKey.of("warehouse.schema", SettingType.text(), "public",
            "The schema of the ETLs' tables");
    /** Without it, the driver's own (10 s). */
    public static final SettingKey<Optional<Duration>> CONNECT_TIMEOUT = SettingKey.optional("warehouse.connect.timeout",
            SettingType.positiveDuration(), "How long opening a connection waits for a warehouse that does not answer (default: the driver's, 10s)");
    public static final SettingKey<Integer> SLICES = SettingKey.of("warehouse.slices", SettingType.atLeast(1), "2",
            "Redshift's slices, for as many files per load as it loads in parallel (2, as in the smallest cluster)");

    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    /** Rejects written by one INSERT: few statements, each well under the warehouses' statement size limits. */
    private static final int REJECTS_PER_INSERT = 100;
    /** Keys an audit's comparison fetches at a time. */
    private static final int KEYS_PER_FETCH = 10_000;

    private final Dialect dialect;
    private final String url;
    private final Properties credentials;
    private final String schema;
    private final Optional<Running<String>> embedded;
    private final Clock clock;
    private final ReadConnections reads = new ReadConnections(this::connect);

    private Warehouse(Dialect dialect, String url, Properties credentials, String schema,
                      Optional<Running<String>> embedded, Clock clock) {
        this.dialect = dialect;
        this.url = url;
        this.credentials = credentials;
        this.schema = schema;
        this.embedded = embedded;
        this.clock = clock;
    }

    /**
     * The configured warehouse; with no {@code warehouse.url}, starts the embedded one.
     *
     * @throws io.etl.config.MissingSettingException if there is none, and this installation has no embedded one
     */
    public static Warehouse open(Settings settings, Clock clock) {
        String schema = settings.get(SCHEMA);
        Optional<String> url = settings.get(URL);
        if (url.isEmpty()) {
            EmbeddedDatabase database = Embedded.require(Embedded.database(), URL, "PostgreSQL");
            Path directory = embeddedDirectory(settings);
            Running<String> local = SharedServers.share(directory, () -> database.start(directory));
            return new Warehouse(Dialect.POSTGRES, local.service(), new Properties(), schema, Optional.of(local), clock);
        }
        Properties credentials = new Properties();
        settings.get(USER).ifPresent(user -> credentials.setProperty("user", user));
        password(settings).ifPresent(password -> credentials.setProperty("password", password));
        settings.get(CONNECT_TIMEOUT).map(Warehouse::connectSeconds).ifPresent(seconds -> {
            // both drivers: loginTimeout bounds the whole login, connectTimeout the socket's connect
            credentials.setProperty("loginTimeout", seconds);
            credentials.setProperty("connectTimeout", seconds);
        });
        return new Warehouse(Dialect.of(url.get()), url.get(), credentials, schema, Optional.empty(), clock);
    }

    /**
     * Whether these settings mean the embedded warehouse and another process runs it: starting it a second time would
     * stop that process's.
     */
    public static boolean embeddedInUse(Settings settings) {
        return settings.get(URL).isEmpty()
                && Embedded.database().map(database -> database.running(embeddedDirectory(settings))).orElse(false);
    }

    /** Where the embedded warehouse of these settings keeps its data (it may not exist yet). */
    public static Path embeddedDirectory(Settings settings) {
        return StateDirectory.from(settings).resolve("warehouse");
    }

    /** Whole seconds, at least one: what the drivers take. */
    private static String connectSeconds(Duration timeout) {
        return String.valueOf(Math.max(1, (timeout.toMillis() + 999) / 1000));
    }

    public Dialect dialect() {
        return dialect;
    }

    public String schema() {
        return schema;
    }

    public boolean embedded() {
        return embedded.isPresent();
    }

    /**
     * @throws PermanentFailure when the warehouse refuses the credentials; other failures (unreachable) may pass
     */
    public Connection connect() throws SQLException, PermanentFailure {
        try {
            return DriverManager.getConnection(url, credentials);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("28")) {
                throw new PermanentFailure("the warehouse refused user '" + credentials.getProperty("user", "")
                        + "': " + e.getMessage() + " (settings " + USER + ", " + PASSWORD + " or " + PASSWORD_FILE + ")", e);
            }
            throw new SQLException("cannot reach the warehouse " + describe() + ": " + e.getMessage(), state, e);
        }
    }

    /** The URL without its query, which may hold credentials. */
    public String describe() {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)) + (embedded() ? " (embedded)" : "");
    }

    /** The newest cursor value loaded so far, or empty when the table does not exist or has no rows. */
    public Optional<Instant> maxCursor(Table table) throws SQLException, PermanentFailure {
        return cursorBound(table, new Statements(dialect, table).maxCursor());
    }

    /** The oldest cursor value loaded, or empty when the table does not exist or has no rows. */
    public Optional<Instant> minCursor(Table table) throws SQLException, PermanentFailure {
        return cursorBound(table, new Statements(dialect, table).minCursor());
    }

    private Optional<Instant> cursorBound(Table table, String query) throws SQLException, PermanentFailure {
        try (Connection connection = connect()) {
            if (!Grants.readable(connection, table.schema(), table.name())) {
                return Optional.empty();
            }
            try (Statement statement = connection.createStatement(); ResultSet bound = statement.executeQuery(query)) {
                bound.next();
                return Optional.ofNullable(bound.getTimestamp(1, UTC)).map(Timestamp::toInstant);
            }
        }
    }

    public long count(Table table) throws SQLException, PermanentFailure {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(new Statements(dialect, table).count())) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Whether this window of this ETL has been loaded: its marker row exists. */
    public boolean loaded(Table table, String etl, Window window) throws SQLException, PermanentFailure {
        return loaded(table, etl, window, Instant.EPOCH);
    }

    /** Whether this window of this ETL has been loaded at or after {@code since}: such a marker row exists. */
    public boolean loaded(Table table, String etl, Window window, Instant since) throws SQLException, PermanentFailure {
        return reads.read(connection -> {
            if (!Grants.readable(connection, table.schema(), Statements.MARKERS)) {
                return false;
            }
            try (PreparedStatement find = connection.prepareStatement(new Statements(dialect, table).findMarker())) {
                find.setString(1, etl);
                find.setTimestamp(2, Timestamp.from(window.lower()), UTC);
                find.setTimestamp(3, Timestamp.from(window.upper()), UTC);
                find.setTimestamp(4, Timestamp.from(since), UTC);
                try (ResultSet marker = find.executeQuery()) {
                    return marker.next();
                }
            }
        });
    }

    /** The windows of this ETL in the order they were loaded, from the markers in this warehouse's schema; none yet: empty. */
    public List<Window> loadedWindows(String etl) throws SQLException, PermanentFailure {
        try (Connection connection = connect()) {
            if (!Grants.readable(connection, schema, Statements.MARKERS)) {
                return List.of();
            }
            try (PreparedStatement select = connection.prepareStatement(Statements.loadedWindows(schema))) {
                select.setString(1, etl);
                List<Window> windows = new ArrayList<>();
                try (ResultSet loads = select.executeQuery()) {
                    while (loads.next()) {
                        windows.add(Window.of(loads.getTimestamp(1, UTC).toInstant(), loads.getTimestamp(2, UTC).toInstant()));
                    }
                }
                return windows;
            }
        }
    }

    /** Loads one window of a table without child tables: {@link #load(Table, LoadMarker, StagingCopy, List, LoadMode, List, List)}. */
    public LoadResult load(Table table, LoadMarker marker, StagingCopy copy, List<String> parts, LoadMode mode,
                           List<Reject> rejects) throws SQLException, IOException, PermanentFailure {
        return load(table, marker, copy, parts, mode, rejects, List.of());
    }

    /**
     * Loads one window in one transaction, once sure that the user may ({@link Grants}; the schema is created first
     * if missing): the table, its child tables, the marker table and the rejects table are created if missing, the
     * tables given the columns their declaration adds and the wider strings it declares ({@link TableChanges}; in
     * Redshift before the transaction, which cannot hold them: {@link Dialect#altersInTransaction}),
     * the parts copied into staging (exactly as many rows as the transform wrote, or it fails), the rows they replace
     * deleted (every row, for {@link LoadMode#REPLACE_ALL}; and the window's rows not in staging, for
     * {@link LoadMode#MERGE_DELETING_MISSING}), the staging rows inserted; then each child table the same way, every
     * child of a parent loaded (or deleted) replaced by its children now; the window's rejects replaced by
     * {@code rejects} (and the earlier rejects of the documents now loaded removed), and the marker written. A merge
     * of no row copies nothing. Nothing of it is visible until the commit; on any failure nothing of it remains.
     *
     * @param children the rows of each child table the window loads, one for each of {@code table}'s
     */
    public LoadResult load(Table table, LoadMarker marker, StagingCopy copy, List<String> parts, LoadMode mode,
                           List<Reject> rejects, List<ChildRows> children) throws SQLException, IOException, PermanentFailure {
        Statements sql = new Statements(dialect, table);
        List<ChildStatements> childSql = table.children().stream().map(child -> new ChildStatements(dialect, child, sql)).toList();
        List<ChildRows> childRows = table.children().stream().map(child -> children.stream()
                .filter(rows -> rows.elements().equals(child.elements())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rows given for " + child.name()))).toList();
        boolean replaceAll = mode == LoadMode.REPLACE_ALL;
        List<String> tables = new ArrayList<>(List.of(table.name(), Statements.MARKERS, Statements.REJECTS));
        table.children().forEach(child -> tables.add(child.name()));
        try (Connection connection = connect()) {
            Grants.require(connection, table.schema(), tables);
            CreateIfMissing.run(connection, sql.createMarkers());
            CreateIfMissing.run(connection, sql.createRejects());
            addRejectCursor(connection, sql);
            List<TableChanges> allChanges = dialect.altersInTransaction() ? List.of() : createOrChange(connection, sql, childSql);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (dialect.altersInTransaction()) {
                    allChanges = createOrChange(connection, sql, childSql);
                }
                TableChanges changes = allChanges.get(0);
                List<TableChanges> childChanges = allChanges.subList(1, allChanges.size());
                LoadResult result;
                if (marker.rowsTransformed() == 0 && mode == LoadMode.MERGE) {
                    // a merge of no row changes no row: only the window's rejects and its marker are written
                    List<ChildLoaded> none = new ArrayList<>();
                    for (int i = 0; i < childSql.size(); i++) {
                        none.add(new ChildLoaded(childSql.get(i).child(), 0, 0, childChanges.get(i)));
                    }
                    result = LoadResult.nothing(changes, none);
                } else {
                    ParentRows parent = copyAndMerge(connection, statement, sql, copy, parts, mode, marker);
                    List<ChildLoaded> loaded = new ArrayList<>();
                    for (int i = 0; i < childSql.size(); i++) {
                        loaded.add(replaceChildren(connection, statement, childSql.get(i), childRows.get(i), mode, childChanges.get(i)));
                    }
                    result = new LoadResult(parent.loaded(), parent.replaced(), parent.deleted(), changes, loaded);
                }
                if (replaceAll) {
                    forget(connection, sql.deleteMarkers(), marker.etl());
                }
                replaceRejects(connection, sql, marker, rejects, replaceAll);
                writeMarker(connection, sql, marker, result.rowsLoaded(), result.rowsNew());
                connection.commit();
                return result;
            } catch (SQLException | IOException | PermanentFailure | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    /**
     * Puts a table rebuilt beside the live one ({@link Table#building}, by the loads of {@code buildingEtl}) in its place,
     * with its child tables, in one transaction ({@link TableSwap}): the ETL's load markers and rejects become those of
     * the rebuilt table. Until the commit readers see the old table; on any failure it stays, and so does the rebuilt one.
     *
     * @return the rows of the table now, and the windows loaded into it
     */
    public Swapped swapIn(Table table, String etl, String buildingEtl) throws SQLException, PermanentFailure {
        Statements sql = new Statements(dialect, table);
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                TableSwap.swap(connection, table.schema(), table.name());
                for (ChildTable child : table.children()) {
                    TableSwap.swap(connection, table.schema(), child.name());
                }
                forget(connection, sql.deleteMarkers(), etl);
                forget(connection, sql.deleteAllRejects(), etl);
                int windows = move(connection, sql.moveMarkers(), etl, buildingEtl);
                move(connection, sql.moveRejects(), etl, buildingEtl);
                long rows;
                try (ResultSet count = statement.executeQuery(sql.count())) {
                    count.next();
                    rows = count.getLong(1);
                }
                connection.commit();
                return new Swapped(rows, windows);
            } catch (SQLException | PermanentFailure | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    /** What a swap put in place: the table's rows, and the windows loaded into it. */
    public record Swapped(long rows, int windows) {
    }

    private static int move(Connection connection, String update, String to, String from) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement(update)) {
            move.setString(1, to);
            move.setString(2, from);
            return move.executeUpdate();
        }
    }

    /**
     * Creates the table and its child tables if missing, then applies what their declaration adds
     * ({@link Dialect#altersInTransaction}); returns what that changed, the table's first.
     */
    private static List<TableChanges> createOrChange(Connection connection, Statements sql, List<ChildStatements> children)
            throws SQLException, PermanentFailure {
        List<TableChanges> changes = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            changes.add(createOrChange(connection, statement, sql.createTable(), sql.table()));
            for (ChildStatements child : children) {
                changes.add(createOrChange(connection, statement, child.createTable(), child.rows().table()));
            }
        }
        return changes;
    }

    private static TableChanges createOrChange(Connection connection, Statement statement, String create, Table table)
            throws SQLException, PermanentFailure {
        statement.execute(create);
        TableChanges changes = TableChanges.between(table, Catalog.columns(connection, table.schema(), table.name()));
        for (String change : changes.statements()) {
            statement.execute(change);
        }
        return changes;
    }

    /** What the parent's merge did. */
    private record ParentRows(long loaded, long replaced, long deleted) {
    }

    /**
     * Copies the parts into staging (exactly as many rows as the transform wrote, or it fails), deletes the rows they
     * replace (and, as the mode says, every row or the window's rows not in staging), inserts the staging rows, and
     * removes the earlier rejects of the documents they hold. The staging stays, for the child tables. A table without
     * child tables that is empty gets the parts copied straight into it.
     */
    private static ParentRows copyAndMerge(Connection connection, Statement statement, Statements sql, StagingCopy copy,
                                           List<String> parts, LoadMode mode, LoadMarker marker)
            throws SQLException, IOException, PermanentFailure {
        if (sql.table().children().isEmpty() && isEmpty(statement, sql)) {
            // nothing to replace or delete, whatever the mode: the COPY goes straight into the table (a first load, a
            // refresh's first chunk), which spares filling a staging table and inserting it all again
            Statements direct = sql.copyingIntoTable();
            long loaded = requireCopied(copy.copy(connection, direct, parts), marker.rowsTransformed(), sql);
            forget(connection, direct.deleteLoadedRejects(), marker.etl());
            return new ParentRows(loaded, 0, 0);
        }
        long loaded = copyIntoStaging(connection, statement, sql, copy, parts, marker.rowsTransformed());
        long deleted = mode == LoadMode.MERGE_DELETING_MISSING ? deleteMissing(connection, sql, marker.window()) : 0;
        long replaced = statement.executeUpdate(mode == LoadMode.REPLACE_ALL ? sql.deleteAll() : sql.deleteReplaced());
        insertAll(statement, sql, loaded);
        forget(connection, sql.deleteLoadedRejects(), marker.etl()); // a document is loaded or rejected, not both
        return new ParentRows(loaded, replaced, deleted);
    }

    /** @return the rows copied: exactly {@code expected}, or it fails */
    private static long copyIntoStaging(Connection connection, Statement statement, Statements sql, StagingCopy copy,
                                        List<String> parts, long expected) throws SQLException, IOException, PermanentFailure {
        statement.execute(sql.createStaging());
        return requireCopied(copy.copy(connection, sql, parts), expected, sql);
    }

    /** @return {@code loaded}, when it is the {@code expected} rows the transform wrote */
    private static long requireCopied(long loaded, long expected, Statements sql) throws PermanentFailure {
        if (loaded != expected) {
            throw new PermanentFailure("the COPY into " + sql.table().qualified() + " read " + loaded
                    + " rows but the transform wrote " + expected);
        }
        return loaded;
    }

    private static boolean isEmpty(Statement statement, Statements sql) throws SQLException {
        try (ResultSet any = statement.executeQuery(sql.anyRow())) {
            return !any.next();
        }
    }

    /**
     * Replaces the children of every parent in the parent's staging (all children, for a full refresh; and those of
     * the parents deleted as missing) with the child staging's rows.
     */
    private static ChildLoaded replaceChildren(Connection connection, Statement statement, ChildStatements sql, ChildRows rows,
                                               LoadMode mode, TableChanges changes) throws SQLException, IOException, PermanentFailure {
        long loaded = copyIntoStaging(connection, statement, sql.rows(), rows.copy(), rows.parts(), rows.rows());
        long replaced = statement.executeUpdate(mode == LoadMode.REPLACE_ALL ? sql.rows().deleteAll() : sql.deleteChildrenOfStaged());
        if (mode == LoadMode.MERGE_DELETING_MISSING) {
            replaced += statement.executeUpdate(sql.deleteOrphans());
        }
        insertAll(statement, sql.rows(), loaded);
        return new ChildLoaded(sql.child(), loaded, replaced, changes);
    }

    private static void insertAll(Statement statement, Statements sql, long staged) throws SQLException, PermanentFailure {
        long inserted = statement.executeUpdate(sql.insertFromStaging());
        if (inserted != staged) {
            throw new PermanentFailure("staging held " + staged + " rows but " + inserted + " were inserted into "
                    + sql.table().qualified());
        }
    }

    private static long deleteMissing(Connection connection, Statements sql, Window window) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql.deleteMissing())) {
            setRange(delete, 1, window);
            return delete.executeUpdate();
        }
    }

    /**
     * A rejects table made by an earlier version gains the cursor column, on its own before the load's transaction
     * (Redshift does not alter a table inside one); both warehouses add a nullable column without rewriting rows.
     */
    private static void addRejectCursor(Connection connection, Statements sql) throws SQLException {
        if (Catalog.tableExists(connection, sql.table().schema(), Statements.REJECTS)
                && !Catalog.hasColumn(connection, sql.table().schema(), Statements.REJECTS, Statements.REJECT_CURSOR)) {
            try (Statement alter = connection.createStatement()) {
                alter.execute(sql.addRejectCursor());
            }
        }
    }

    /** The table's rows and the ETL's rejects per bucket of the cursor in {@code range}: two grouped queries. */
    public BucketedCounts countsByBucket(Table table, String etl, Bucketing bucketing, Window range)
            throws SQLException, PermanentFailure {
        Statements sql = new Statements(dialect, table);
        try (Connection connection = connect()) {
            if (!Grants.readable(connection, table.schema(), table.name())) {
                return new BucketedCounts(Map.of(), Map.of(), 0);
            }
            Map<Instant, Long> rows = byBucket(connection, sql.rowsByBucket(bucketing.sqlUnit()), Optional.empty(), range);
            if (!Grants.readable(connection, table.schema(), Statements.REJECTS)
                    || !Catalog.hasColumn(connection, table.schema(), Statements.REJECTS, Statements.REJECT_CURSOR)) {
                return new BucketedCounts(rows, Map.of(), 0);
            }
            Map<Instant, Long> rejected = byBucket(connection, sql.rejectsByBucket(bucketing.sqlUnit()), Optional.of(etl), range);
            try (PreparedStatement select = connection.prepareStatement(sql.rejectsWithoutCursor())) {
                select.setString(1, etl);
                try (ResultSet count = select.executeQuery()) {
                    count.next();
                    return new BucketedCounts(rows, rejected, count.getLong(1));
                }
            }
        }
    }

    private static Map<Instant, Long> byBucket(Connection connection, String query, Optional<String> etl, Window range)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            int next = 1;
            if (etl.isPresent()) {
                select.setString(next++, etl.get());
            }
            setRange(select, next, range);
            Map<Instant, Long> counts = new HashMap<>();
            try (ResultSet buckets = select.executeQuery()) {
                while (buckets.next()) {
                    counts.put(buckets.getTimestamp(1, UTC).toInstant(), buckets.getLong(2));
                }
            }
            return counts;
        }
    }

    /** Told each key in turn; answers whether to go on. */
    @FunctionalInterface
    public interface KeyVisitor {
        boolean accept(String key) throws Exception;
    }

    /**
     * Tells {@code visitor} the key, as text, of each row whose cursor is in {@code window}, in MongoDB's order
     * ({@link Statements#keysIn()}), fetched a batch at a time so that memory does not grow with the table.
     */
    public void forEachKey(Table table, Window window, KeyVisitor visitor) throws Exception {
        try (Connection connection = connect()) {
            if (!Grants.readable(connection, table.schema(), table.name())) {
                return;
            }
            connection.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
            try (PreparedStatement select = connection.prepareStatement(new Statements(dialect, table).keysIn())) {
                select.setFetchSize(KEYS_PER_FETCH);
                setRange(select, 1, window);
                try (ResultSet keys = select.executeQuery()) {
                    while (keys.next() && visitor.accept(keys.getString(1))) {
                        // the visitor decides when to stop
                    }
                }
            } finally {
                rollbackQuietly(connection);
            }
        }
    }

    /** The ids of the ETL's rejects whose cursor is in {@code window}: few, as a window loads only under the reject limit. */
    public Set<String> rejectedIdsIn(Table table, String etl, Window window) throws SQLException, PermanentFailure {
        try (Connection connection = connect()) {
            if (!Grants.readable(connection, table.schema(), Statements.REJECTS)
                    || !Catalog.hasColumn(connection, table.schema(), Statements.REJECTS, Statements.REJECT_CURSOR)) {
                return Set.of();
            }
            try (PreparedStatement select = connection.prepareStatement(new Statements(dialect, table).rejectedIdsIn())) {
                select.setString(1, etl);
                setRange(select, 2, window);
                Set<String> ids = new HashSet<>();
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        ids.add(found.getString(1));
                    }
                }
                return ids;
            }
        }
    }

    private static void setRange(PreparedStatement statement, int first, Window window) throws SQLException {
        statement.setTimestamp(first, Timestamp.from(window.lower()), UTC);
        statement.setTimestamp(first + 1, Timestamp.from(window.upper()), UTC);
    }

    private static void forget(Connection connection, String delete, String etl) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(delete)) {
            forget.setString(1, etl);
            forget.executeUpdate();
        }
    }

    private void replaceRejects(Connection connection, Statements sql, LoadMarker marker, List<Reject> rejects,
                                boolean replaceAll) throws SQLException {
        if (replaceAll) {
            forget(connection, sql.deleteAllRejects(), marker.etl());
        } else {
            try (PreparedStatement window = connection.prepareStatement(sql.deleteWindowRejects())) {
                window.setString(1, marker.etl());
                setRange(window, 2, marker.window());
                setRange(window, 4, marker.window());
                window.executeUpdate();
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (int first = 0; first < rejects.size(); first += REJECTS_PER_INSERT) {
            List<Reject> batch = rejects.subList(first, Math.min(rejects.size(), first + REJECTS_PER_INSERT));
            try (PreparedStatement insert = connection.prepareStatement(sql.insertRejects(batch.size()))) {
                int p = 0;
                for (Reject reject : batch) {
                    insert.setString(++p, marker.etl());
                    insert.setTimestamp(++p, Timestamp.from(marker.window().lower()), UTC);
                    insert.setTimestamp(++p, Timestamp.from(marker.window().upper()), UTC);
                    insert.setString(++p, text(reject.documentId(), Statements.REJECT_TEXT_LENGTH));
                    insert.setString(++p, text(reject.field(), Statements.REJECT_TEXT_LENGTH));
                    insert.setString(++p, text(reject.reason(), Statements.REJECT_TEXT_LENGTH));
                    insert.setString(++p, text(reject.value(), Statements.REJECT_TEXT_LENGTH));
                    insert.setString(++p, text(reject.document(), Statements.REJECTED_DOCUMENT_LENGTH));
                    insert.setString(++p, marker.runId());
                    insert.setTimestamp(++p, now, UTC);
                    insert.setTimestamp(++p, reject.cursor() == null ? null : Timestamp.from(reject.cursor()), UTC);
                }
                insert.executeUpdate();
            }
        }
    }

    /** A text as a VARCHAR of this length holds it: cut, and NUL (which neither warehouse stores) replaced. */
    private String text(String value, int length) {
        return value == null ? null : dialect.truncated(value.replace('\0', Tsv.NUL_REPLACEMENT), length);
    }

    private void writeMarker(Connection connection, Statements sql, LoadMarker marker, long loaded, long fresh) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql.insertMarker())) {
            insert.setString(1, marker.etl());
            insert.setTimestamp(2, Timestamp.from(marker.window().lower()), UTC);
            insert.setTimestamp(3, Timestamp.from(marker.window().upper()), UTC);
            insert.setString(4, marker.runId());
            insert.setLong(5, marker.rowsMatched());
            insert.setLong(6, marker.rowsExtracted());
            insert.setLong(7, marker.rowsTransformed());
            insert.setLong(8, marker.rowsRejected());
            insert.setLong(9, loaded);
            insert.setLong(10, fresh);
            insert.setTimestamp(11, Timestamp.from(clock.instant()), UTC);
            insert.executeUpdate();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException alreadyGone) {
            // the connection broke: the server rolls the transaction back itself
        }
    }

    private static Optional<String> password(Settings settings) {
        Optional<Path> file = settings.get(PASSWORD_FILE);
        if (file.isPresent()) {
            try {
                return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new IllegalArgumentException("setting " + PASSWORD_FILE.name() + ": cannot read " + file.get() + ": " + e.getMessage(), e);
            }
        }
        return settings.get(PASSWORD);
    }

    @Override
    public void close() {
        reads.close();
        embedded.ifPresent(Running::close);
    }
}
