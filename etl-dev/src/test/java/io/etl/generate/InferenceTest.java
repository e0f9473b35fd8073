package io.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.warehouse.SqlType;
import io.etl.warehouse.VarcharLength;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.mongodb.BasicDBObject;
import org.junit.jupiter.api.Test;

/** What the generator infers from sampled documents: columns, types, mixed types, arrays, nullability, cursor. */
class InferenceTest {

    private static final String A = "{_id: {$oid: '64b7f0000000000000000001'}, at: {$date: '2026-11-01T10:00:00Z'}, ";
    private static final String B = "{_id: {$oid: '64b7f0000000000000000002'}, at: {$date: '2026-11-01T11:00:00Z'}, ";

    private static Sample sample(String... documents) {
        return Sample.of(Arrays.stream(documents).map(BasicDBObject::parse).toList());
    }

    private static EtlPlan plan(GenerateOptions options, String... documents) {
        return Planner.plan("orders", sample(documents), Set.of("at"), options);
    }

    private static EtlPlan plan(String... documents) {
        return plan(GenerateOptions.defaults(), documents);
    }

    private static Map<String, SqlType> columns(EtlPlan plan) {
        Map<String, SqlType> columns = new LinkedHashMap<>();
        plan.columns().forEach(column -> columns.put(column.name(), column.type()));
        return columns;
    }

    @Test
    void nested_documents_become_dot_paths_and_scalars_keep_their_type() {
        EtlPlan plan = plan(A + "customer: {name: 'Ann', address: {city: 'Oslo'}}, paid: true, total: 12.5, "
                + "amount: {$numberDecimal: '12.50'}, n: {$numberLong: '5'}}");

        assertEquals(List.of("_id", "at", "customer.name", "customer.address.city", "paid", "total", "amount", "n"),
                plan.spec().paths());
        assertEquals(List.of("id", "at", "customer_name", "customer_address_city", "paid", "total", "amount", "n"),
                plan.table("public").columnNames());
        Map<String, SqlType> columns = columns(plan);
        assertEquals(SqlType.varchar(24), columns.get("id"));
        assertEquals(SqlType.timestamp(), columns.get("at"));
        assertEquals(SqlType.bool(), columns.get("paid"));
        assertEquals(SqlType.doublePrecision(), columns.get("total"));
        assertEquals(SqlType.decimal(), columns.get("amount"));
        assertEquals(SqlType.bigint(), columns.get("n"));
    }

    @Test
    void mixed_types_resolve_to_the_narrowest_type_that_holds_every_value() {
        EtlPlan plan = plan(
                A + "count: 1, ratio: 1, label: 1, detail: 'x', flag: true}",
                B + "count: {$numberLong: '9000000000'}, ratio: 0.5, label: 'one', detail: {k: 1}, flag: 'yes'}");

        Map<String, SqlType> columns = columns(plan);
        assertEquals(SqlType.bigint(), columns.get("count"), "int and long");
        assertEquals(SqlType.doublePrecision(), columns.get("ratio"), "int and double");
        assertEquals(SqlType.varchar(16), columns.get("label"), "int and string");
        assertEquals(SqlType.varchar(16), columns.get("detail"), "a document mixed with a string is JSON text");
        assertEquals(ColumnType.JSON, field(plan, "detail").type());
        assertEquals(SqlType.varchar(16), columns.get("flag"), "boolean and string");
    }

    @Test
    void arrays_of_scalars_become_as_many_columns_as_the_longest_and_arrays_of_documents_json() {
        EtlPlan plan = plan(A + "tags: ['a', 'b'], scores: [1, 2, 3], lines: [{sku: 'x'}]}", B + "tags: ['c']}");

        assertEquals(List.of("id", "at", "tags_1", "tags_2", "scores_1", "scores_2", "scores_3", "lines"),
                plan.table("public").columnNames());
        assertEquals(SqlType.bigint(), columns(plan).get("scores_1"));
        assertEquals(ColumnType.JSON, field(plan, "lines").type());
        assertFalse(field(plan, "lines").arrayColumns());
    }

    @Test
    void array_options_set_the_column_count_or_keep_the_array_as_json() {
        String document = A + "tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']}";
        GenerateOptions json = new GenerateOptions(10, ArraysMode.JSON, OptionalInt.empty(), Optional.empty(), Set.of(), Map.of(), Set.of());
        GenerateOptions two = new GenerateOptions(10, ArraysMode.COLUMNS, OptionalInt.of(2), Optional.empty(), Set.of(), Map.of(), Set.of());

        assertEquals(12, plan(document).columns().size(), "id, at and at most 10 array columns");
        assertEquals(List.of("id", "at", "tags"), plan(json, document).table("public").columnNames());
        assertEquals(List.of("id", "at", "tags_1", "tags_2"), plan(two, document).table("public").columnNames());
    }

    @Test
    void a_field_present_and_not_null_in_every_document_is_a_not_null_candidate() {
        EtlPlan plan = plan(A + "always: 'x', sometimes: 'y', nulled: 'z'}", B + "always: 'x', nulled: null}");

        assertTrue(field(plan, "always").alwaysPresent());
        assertFalse(field(plan, "sometimes").alwaysPresent());
        assertFalse(field(plan, "nulled").alwaysPresent());
    }

    @Test
    void text_columns_get_twice_the_longest_value_rounded_up_to_a_power_of_two() {
        EtlPlan plan = plan(A + "short: 'abc', mid: '" + "x".repeat(40) + "', utf8: '" + "é".repeat(20) + "'}");

        assertEquals(SqlType.varchar(16), columns(plan).get("short"));
        assertEquals(SqlType.varchar(128), columns(plan).get("mid"));
        assertEquals(SqlType.varchar(128), columns(plan).get("utf8"), "40 bytes in UTF-8");
        assertEquals(SqlType.MAX_VARCHAR, VarcharLength.forMaxBytes(50_000));
    }

    @Test
    void awkward_field_names_become_unique_safe_columns_and_unaddressable_ones_are_left_out() {
        EtlPlan plan = plan(A + "'Order Date': 'a', order_date: 'b', '2nd': 'c', select: 'd', '$%': 'e', 'a.b': 'f'}");

        assertEquals(List.of("id", "at", "order_date_2", "order_date", "_2nd", "select"), plan.table("public").columnNames(),
                "order_date keeps its own name; Order Date, which only normalises to it, gives way");
        assertEquals(Set.of("$%", "a.b"), plan.unaddressable());
        assertEquals(List.of("field 'Order Date' is column order_date_2: order_date is another field's"), plan.warnings());
    }

    @Test
    void a_name_without_latin_letters_gets_a_made_name_and_accents_keep_their_letter_with_a_warning_for_each_change()
            throws NoSuchAlgorithmException {
        EtlPlan plan = plan(A + "'名前': 'a', 'café': 'b', 'Straße': 'c'}");

        assertEquals(List.of("id", "at", "field_" + sha256("名前").substring(0, 8), "cafe", "strasse"),
                plan.table("public").columnNames());
        assertEquals(List.of("field '名前' has no Latin letter or digit: its column is field_" + sha256("名前").substring(0, 8)
                + " (--rename '名前=<column>' names it)"), plan.warnings());
    }

    @Test
    void names_longer_than_postgresql_keeps_are_shortened_uniquely_leaving_room_for_array_columns() {
        String longName = "a_very_long_field_name_that_someone_typed_into_mongo_one_day_of_the_year_";
        EtlPlan plan = plan(A + "'" + longName + "x': 'a', '" + longName + "y': 'b', tags_" + longName + ": [1, 2, 3]}");

        List<String> columns = plan.table("public").columnNames();
        assertEquals(7, columns.size(), columns::toString);
        assertEquals(7, Set.copyOf(columns).size(), "unique: " + columns);
        assertTrue(columns.stream().allMatch(column -> column.length() <= 63), columns::toString);
        assertTrue(columns.get(2).startsWith(longName.substring(0, 40)) && columns.get(3).startsWith(longName.substring(0, 40)), columns::toString);
        assertEquals(List.of("_1", "_2", "_3"), columns.subList(4, 7).stream().map(c -> c.substring(c.length() - 2)).toList());
        assertEquals(3, plan.warnings().size(), plan.warnings()::toString);
        assertTrue(plan.warnings().get(0).endsWith("is longer than 63 bytes, the longest name PostgreSQL keeps"), plan.warnings()::toString);
    }

    @Test
    void exclude_leaves_a_field_out_with_what_it_holds_and_rename_names_a_column() {
        GenerateOptions options = new GenerateOptions(10, ArraysMode.COLUMNS, OptionalInt.empty(), Optional.empty(),
                Set.of("customer"), Map.of("Order Date", "ordered_at"), Set.of());

        EtlPlan plan = plan(options, A + "'Order Date': 'a', order_date: 'b', customer: {name: 'x', city: 'y'}, total: 3}");

        assertEquals(List.of("id", "at", "ordered_at", "order_date", "total"), plan.table("public").columnNames());
        assertEquals(List.of(), plan.warnings());
    }

    @Test
    void a_mistaken_exclude_or_rename_is_refused_naming_it() {
        String document = A + "total: 3, name: 'x'}";

        assertEquals("--exclude totl: no sampled document has that field", refused(Set.of("totl"), Map.of(), document));
        assertEquals("--rename nme: no sampled document has that field", refused(Set.of(), Map.of("nme", "n"), document));
        assertEquals("--exclude leaves out 'at', which the ETL needs as its key or cursor", refused(Set.of("at"), Map.of(), document));
        assertEquals("--exclude leaves out '_id', which the ETL needs as its key or cursor", refused(Set.of("_id"), Map.of(), document));
        assertEquals("--rename name=Name: a column's name is lower-case letters, digits and _, not starting with a digit,"
                + " at most 63 characters", refused(Set.of(), Map.of("name", "Name"), document));
        assertEquals("--rename name=t: another field has that column", refused(Set.of(), Map.of("total", "t", "name", "t"), document));
    }

    private static String refused(Set<String> excluded, Map<String, String> renamed, String document) {
        return assertThrows(GenerateException.class, () -> plan(new GenerateOptions(10, ArraysMode.COLUMNS, OptionalInt.empty(),
                Optional.empty(), excluded, renamed, Set.of()), document)).getMessage();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_cursor_is_the_one_indexed_date_field_else_the_choice_is_refused_listing_candidates() {
        String document = A + "shipped: {$date: '2026-11-01T10:00:00Z'}}";

        assertEquals("at", plan(document).cursor().path());
        GenerateException ambiguous = assertThrows(GenerateException.class,
                () -> Planner.plan("orders", sample(document), Set.of("at", "shipped"), GenerateOptions.defaults()));
        GenerateException none = assertThrows(GenerateException.class,
                () -> Planner.plan("orders", sample(document), Set.of(), GenerateOptions.defaults()));
        EtlPlan chosen = Planner.plan("orders", sample(document), Set.of(),
                new GenerateOptions(10, ArraysMode.COLUMNS, OptionalInt.empty(), Optional.of("shipped"), Set.of(), Map.of(), Set.of()));

        assertTrue(ambiguous.getMessage().contains("several indexed date fields could be the cursor: at, shipped"), ambiguous::getMessage);
        assertEquals("no indexed date field to use as the cursor; date fields: at, shipped (name one with --cursor FIELD,"
                + " and index it)", none.getMessage());
        assertEquals("shipped", chosen.cursor().path());
        assertFalse(chosen.cursorIndexed(), "the generator then prints the createIndex command");
    }

    @Test
    void of_several_indexed_dates_the_time_a_document_last_changed_is_the_cursor_and_an_unindexed_one_is_suggested() {
        String document = A + "updatedAt: {$date: '2026-11-02T10:00:00Z'}}";

        EtlPlan followsChanges = Planner.plan("orders", sample(document), Set.of("at", "updatedAt"), GenerateOptions.defaults());
        EtlPlan insertsOnly = plan(document);

        assertEquals("updatedAt", followsChanges.cursor().path());
        assertEquals(List.of("cursor updatedAt, of the indexed date fields at, updatedAt: a document changed later is loaded"
                + " again, its row replaced (--cursor FIELD chooses another)"), followsChanges.warnings());
        assertEquals("at", insertsOnly.cursor().path());
        assertEquals(List.of("cursor at: a document changed later is not loaded again; to follow changes, index updatedAt and"
                + " generate with --cursor updatedAt"), insertsOnly.warnings());
    }

    private static PlannedField field(EtlPlan plan, String path) {
        return plan.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }
}
