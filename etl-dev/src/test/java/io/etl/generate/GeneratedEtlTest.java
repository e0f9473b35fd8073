package io.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.config.Settings;
import io.etl.environment.EtlEnvironment;
import io.etl.mongo.MongoSource;
import io.etl.pipeline.EtlPipeline;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.RunResults;
import io.etl.testing.TestSettings;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code etl generate} writes runs without edits: generated from a live collection with awkward names, compiled
 * with javac against the test class path, loaded in a child class loader, and run end to end on real components
 * (mongo-java-server, Hadoop and Pig in local mode, embedded PostgreSQL); the warehouse then holds the source exactly.
 */
class GeneratedEtlTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    /** PostgreSQL's text of a timestamp: its fraction of a second without trailing zeros, none when it is zero. */
    private static final DateTimeFormatter WAREHOUSE_TIME = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).toFormatter().withZone(ZoneOffset.UTC);
    private static final int DOCUMENTS = 30;
    /** A field name longer than PostgreSQL keeps a column's name. */
    private static final String LONG_FIELD = "the number of times this order was looked at by the customer before it was placed";

    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    @TempDir
    Path home;
    @TempDir
    Path tree;


    @Test
    void the_generated_etl_compiles_and_loads_the_collection_with_exact_row_parity() throws Exception {
        generateAndRun(new GenerateOptions(GenerateOptions.DEFAULT_SAMPLE_SIZE, ArraysMode.COLUMNS, OptionalInt.empty(),
                Optional.empty(), Set.of(), Map.of("名前", "name_ja"), Set.of()), 3, false);
    }

    @Test
    void an_array_spread_over_fewer_columns_than_it_has_elements_keeps_the_rest_as_json_when_asked() throws Exception {
        generateAndRun(new GenerateOptions(GenerateOptions.DEFAULT_SAMPLE_SIZE, ArraysMode.COLUMNS_AND_REST, OptionalInt.of(2),
                Optional.empty(), Set.of("名前"), Map.of(), Set.of()), 2, true);
    }

    @Test
    void arrays_it_unwinds_load_into_child_tables_one_row_per_element_with_the_key_and_position() throws Exception {
        MongoDatabase database = MONGO.database();
        MongoCollection<Document> orders = EmbeddedMongo.indexedCollection(database, "Customer Orders", "Placed At", documents());
        Settings settings = settings(database);

        EtlPlan plan = new EtlGenerator(MongoSource.configured(settings).orElseThrow())
                .plan("Customer Orders", GenerateOptions.defaults().withUnwound(Set.of("lines", "tags")));
        RunSummary summary = runIncremental(generate(plan), settings);

        assertEquals(RunStatus.SUCCESS, summary.status(), summary::toString);
        List<String> tags = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Document order : orders.find()) {
            String id = order.getObjectId("_id").toHexString();
            List<String> orderTags = order.getList("tags", String.class);
            for (int t = 0; t < orderTags.size(); t++) {
                tags.add(id + "|" + t + "|" + orderTags.get(t));
            }
            lines.add(id + "|0|" + order.getList("lines", Document.class).get(0).getString("sku"));
        }
        Collections.sort(tags);
        Collections.sort(lines);
        String schema = "\"" + database.getName() + "\"";
        assertEquals(tags, RunResults.rows(POSTGRES.jdbcUrl(), "SELECT customer_order_id, position, tag FROM " + schema + ".customer_orders_tags ORDER BY 1, 2"));
        assertEquals(lines, RunResults.rows(POSTGRES.jdbcUrl(), "SELECT customer_order_id, position, sku FROM " + schema + ".customer_orders_lines ORDER BY 1, 2"));
        assertEquals(List.of(String.valueOf(DOCUMENTS)), RunResults.rows(POSTGRES.jdbcUrl(), "SELECT COUNT(*) FROM " + schema + ".customer_orders"));
    }

    /** Generates the ETL with these options, runs it, and compares the warehouse with the source. */
    private void generateAndRun(GenerateOptions options, int tagColumns, boolean tagsRest) throws Exception {
        MongoDatabase database = MONGO.database();
        MongoCollection<Document> orders = EmbeddedMongo.indexedCollection(database, "Customer Orders", "Placed At", documents());
        Settings settings = settings(database);

        EtlPlan plan = new EtlGenerator(MongoSource.configured(settings).orElseThrow()).plan("Customer Orders", options);
        RunSummary summary = runIncremental(generate(plan), settings);

        assertEquals(RunStatus.SUCCESS, summary.status(), summary::toString);
        assertEquals(source(orders, tagColumns, tagsRest, plan), warehouse(database.getName(), plan.table(database.getName()).columnNames()));
    }

    @Test
    void an_etl_on_the_time_documents_last_changed_replaces_the_row_of_a_document_changed_after_its_first_load() throws Exception {
        MongoDatabase database = MONGO.database();
        Instant written = Instant.now().minus(Duration.ofDays(2));
        MongoCollection<Document> posts = database.getCollection("posts");
        posts.createIndex(Indexes.ascending("created_at"));
        posts.createIndex(Indexes.ascending("updated_at"));
        ObjectId changed = new ObjectId();
        ObjectId unchanged = new ObjectId();
        for (ObjectId id : List.of(changed, unchanged)) {
            posts.insertOne(new Document("_id", id).append("created_at", Date.from(written)).append("updated_at", Date.from(written))
                    .append("status", "draft"));
        }
        Settings settings = settings(database);
        EtlPlan plan = new EtlGenerator(MongoSource.configured(settings).orElseThrow()).plan("posts", GenerateOptions.defaults());
        Class<?> etl = generate(plan);

        RunSummary first = runIncremental(etl, settings);
        // changed now, as the application would: dated within the next run's window, which ends a settle time back
        Instant changedAt = Instant.now().minus(settings.get(EtlEnvironment.SETTLE));
        posts.updateOne(Filters.eq("_id", changed), Updates.combine(Updates.set("status", "published"),
                Updates.set("updated_at", Date.from(changedAt))));
        settledPast(changedAt, settings);
        RunSummary second = runIncremental(etl, settings);

        assertEquals("updated_at", plan.cursor().path());
        assertEquals(List.of(RunStatus.SUCCESS, RunStatus.SUCCESS), List.of(first.status(), second.status()));
        Map<String, Map<String, String>> rows = warehouse(database.getName(), List.of("id", "status"), "posts");
        assertEquals(Map.of(changed.toHexString(), Map.of("status", "published"), unchanged.toHexString(), Map.of("status", "draft")), rows);
    }

    @Test
    void a_new_field_and_a_longer_string_load_after_the_etl_is_updated_its_edits_kept_and_the_rows_loaded_before_keep_their_values()
            throws Exception {
        MongoDatabase database = MONGO.database();
        MongoCollection<Document> events = database.getCollection("events");
        events.createIndex(Indexes.ascending("at"));
        ObjectId before = new ObjectId();
        events.insertOne(new Document("_id", before).append("at", Date.from(Instant.now().minus(Duration.ofDays(2))))
                .append("note", "short"));
        Settings settings = settings(database);
        EtlGenerator generator = new EtlGenerator(MongoSource.configured(settings).orElseThrow());
        EtlPlan plan = generator.plan("events", GenerateOptions.defaults());
        Class<?> generated = generate(plan);
        Path script = tree.resolve("etls/pig/events.pig");
        Path declaration = tree.resolve("etls/src/main/java/io/etl/generated/events/Events.java");
        // a person's edits: an expression of the script, a comment in each file
        Files.writeString(script, Files.readString(script).replace("    note\n", "    UPPER(note) AS note\n") + "-- ours\n");
        Files.writeString(declaration, Files.readString(declaration).replace("            .build();", "            // ours\n            .build();"));
        generated = compile(plan);
        RunSummary first = runIncremental(generated, settings);
        Instant later = Instant.now().minus(settings.get(EtlEnvironment.SETTLE));
        ObjectId after = new ObjectId();
        String longNote = "n".repeat(100);
        events.insertOne(new Document("_id", after).append("at", Date.from(later)).append("note", longNote).append("device", "phone"));
        settledPast(later, settings);

        EtlUpdate update;
        try (EtlEnvironment environment = new EtlEnvironment(settings)) {
            update = EtlUpdate.sample(generator, pipeline(generated, environment), GenerateOptions.defaults());
        }
        ProjectTree project = new ProjectTree(tree);
        EtlPlan rewritten = update.rewritten();
        project.write(new EtlRewrite(rewritten, Set.copyOf(update.pipeline().spec().paths()))
                .over(new EtlRenderer(Path.of("../templates")).render(rewritten), project));
        RunSummary second = runIncremental(compile(rewritten), settings);

        assertEquals(List.of("column note VARCHAR(16) is too narrow for the sample's note: declare it VARCHAR(256), and the next"
                + " load widens it", "new field device (string): declare it as device VARCHAR(16), and the next load adds the column"),
                update.drift().changes());
        assertEquals(List.of(RunStatus.SUCCESS, RunStatus.SUCCESS), List.of(first.status(), second.status()), second::toString);
        Map<String, String> beforeRow = new HashMap<>();
        beforeRow.put("note", "SHORT");
        beforeRow.put("device", null);
        assertEquals(Map.of(before.toHexString(), beforeRow, after.toHexString(),
                        Map.of("note", longNote.toUpperCase(Locale.ROOT), "device", "phone")),
                warehouse(database.getName(), List.of("id", "note", "device"), "events"));
        assertTrue(Files.readString(script).contains("    UPPER(note) AS note,\n") && Files.readString(script).contains("-- ours\n"),
                Files.readString(script));
        assertTrue(Files.readString(declaration).contains("// ours"), "the class keeps its edit");
    }

    private Settings settings(MongoDatabase database) {
        return TestSettings.of(home, "mongo.uri", MONGO.uri(database), "warehouse.url", POSTGRES.jdbcUrl(),
                "warehouse.schema", database.getName(), "pig.dir", tree.resolve("etls/pig").toString());
    }

    /** Writes the plan's files into the tree (over the ones there), compiles them, and returns the ETL's class. */
    private Class<?> generate(EtlPlan plan) throws Exception {
        Path services = tree.resolve(ProjectTree.SERVICES);
        if (!Files.exists(services)) {
            Files.createDirectories(services.getParent());
            Files.createFile(services);
        }
        new ProjectTree(tree).write(new EtlRenderer(Path.of("../templates")).render(plan));
        return compile(plan);
    }

    /** Compiles the tree's ETLs as they are, and returns the plan's class. */
    private Class<?> compile(EtlPlan plan) throws Exception {
        ClassLoader generated = compile(tree.resolve("etls/src/main/java"), Files.createTempDirectory(tree, "classes"));
        return generated.loadClass("io.etl.generated." + plan.javaPackage() + "." + plan.javaClass());
    }

    private static EtlPipeline pipeline(Class<?> etl, EtlEnvironment environment) throws Exception {
        return (EtlPipeline) etl.getMethod("pipeline", EtlEnvironment.class).invoke(null, environment);
    }

    private static RunSummary runIncremental(Class<?> etl, Settings settings) throws Exception {
        try (EtlEnvironment environment = new EtlEnvironment(settings)) {
            return Scheduler.builder().build().run(pipeline(etl, environment).run().parse(Map.of("incremental", "true")));
        }
    }

    /** Waits until a run started now has a window that ends after {@code instant}, which it is a settle time behind. */
    private static void settledPast(Instant instant, Settings settings) {
        while (!Instant.now().minus(settings.get(EtlEnvironment.SETTLE)).isAfter(instant.plusMillis(1))) {
            Thread.onSpinWait();
        }
    }

    /** Awkward names, nesting, arrays of scalars and of documents, mixed and missing values, every scalar type. */
    private static List<Document> documents() {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        return IntStream.range(0, DOCUMENTS).mapToObj(i -> {
            Document order = new Document("_id", new ObjectId()).append("Placed At", Date.from(start.plusMillis(60_000L * i + 70L * i)))
                    .append("customer", new Document("name", "Ann\t" + i).append("2nd", i))
                    .append("2nd", i % 2 == 0 ? (Object) i : (Object) (i * 1_000_000_000L))
                    .append("select", "s" + i)
                    .append("tags", IntStream.range(0, i % 4).mapToObj(t -> "t" + t).toList())
                    .append("total", i + 0.5)
                    .append("paid", i % 3 == 0)
                    .append("lines", List.of(new Document("sku", "k" + i)))
                    .append("amount", new Decimal128(new BigDecimal(i + ".25")))
                    .append("café", "crème " + i)
                    .append("名前", "名" + i)
                    .append(LONG_FIELD, i);
            if (i % 5 != 0) {
                order.append("note", "note " + i);
            }
            return order;
        }).toList();
    }

    /**
     * Each document as the warehouse should hold it, column by column, as PostgreSQL's text of the value: its tags in
     * {@code tagColumns} columns, and the ones past them in {@code tags_rest} as a JSON array if {@code tagsRest}; the
     * field named in Japanese as {@code name_ja} if the plan has it (renamed), the long one in the plan's column.
     */
    private static Map<String, Map<String, String>> source(MongoCollection<Document> orders, int tagColumns, boolean tagsRest,
                                                           EtlPlan plan) {
        String longColumn = plan.fields().stream().filter(f -> f.path().equals(LONG_FIELD)).findFirst().orElseThrow().column();
        assertTrue(longColumn.length() <= 63 && longColumn.startsWith("the_number_of_times_this_order"), longColumn);
        boolean japanese = plan.fields().stream().anyMatch(f -> f.path().equals("名前"));
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (Document d : orders.find()) {
            Map<String, String> row = new HashMap<>();
            row.put("placed_at", WAREHOUSE_TIME.format(d.getDate("Placed At").toInstant()));
            Document customer = d.get("customer", Document.class);
            row.put("customer_name", customer.getString("name"));
            row.put("customer_2nd", customer.get("2nd").toString());
            row.put("_2nd", d.get("2nd").toString());
            row.put("select", d.getString("select"));
            List<?> tags = d.getList("tags", String.class);
            for (int t = 1; t <= tagColumns; t++) {
                row.put("tags_" + t, t <= tags.size() ? (String) tags.get(t - 1) : null);
            }
            if (tagsRest) {
                row.put("tags_rest", tags.size() <= tagColumns ? null
                        : tags.subList(tagColumns, tags.size()).stream().map(tag -> "\"" + tag + "\"").collect(Collectors.joining(",", "[", "]")));
            }
            row.put("total", d.getDouble("total").toString());
            row.put("paid", d.getBoolean("paid").toString());
            row.put("lines", "[{\"sku\":\"" + d.get("lines", List.class).stream().map(l -> ((Document) l).getString("sku"))
                    .collect(Collectors.joining()) + "\"}]");
            row.put("amount", d.get("amount", Decimal128.class).bigDecimalValue().setScale(10).toPlainString());
            row.put("note", d.getString("note"));
            row.put("cafe", d.getString("café"));
            if (japanese) {
                row.put("name_ja", d.getString("名前"));
            }
            row.put(longColumn, d.get(LONG_FIELD).toString());
            rows.put(d.getObjectId("_id").toHexString(), row);
        }
        return rows;
    }

    private static Map<String, Map<String, String>> warehouse(String schema, List<String> columns) throws Exception {
        return warehouse(schema, columns, "customer_orders");
    }

    /** The table's rows by their first column, the key: each the text of its other columns, by column. */
    private static Map<String, Map<String, String>> warehouse(String schema, List<String> columns, String table) throws Exception {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        String select = columns.stream().map(c -> "\"" + c + "\"::text").collect(Collectors.joining(", "));
        try (Connection c = DriverManager.getConnection(POSTGRES.jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT " + select + " FROM \"" + schema + "\"." + table)) {
            while (r.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i < columns.size(); i++) {
                    row.put(columns.get(i), r.getString(i + 1));
                }
                rows.put(r.getString(1), row);
            }
        }
        return rows;
    }

    /** javac over the generated sources, against this test's class path; the classes in a child class loader. */
    private ClassLoader compile(Path sources, Path classes) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString()));
        try (var files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        int result = javac.run(null, null, new java.io.PrintStream(new java.io.ByteArrayOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) {
                diagnostics.write(new String(b, off, len, StandardCharsets.UTF_8));
            }
        }, arguments.toArray(String[]::new));
        assertEquals(0, result, diagnostics::toString);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
