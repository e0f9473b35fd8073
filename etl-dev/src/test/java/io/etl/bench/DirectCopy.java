package io.etl.bench;

import io.etl.actions.ActionsTaken;
import io.etl.actions.ActionsTakenGenerator;
import io.etl.tsv.Tsv;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.EmbeddedWarehouse;
import io.etl.warehouse.Statements;
import io.etl.warehouse.Table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The end-to-end benchmark's baseline: what this machine and source allow. The generated window of actions_taken
 * straight from the MongoDB source into a PostgreSQL table of the ETL's columns, in one pass and one thread: a
 * cursor over the window, each document a TSV line (its date cut to seconds, its first value elements as
 * columns), streamed into {@code COPY FROM STDIN}. Its own embedded PostgreSQL, started the way the etl run starts
 * its own, in {@code <folder>}, before the timing starts. Prints {@code copied <documents> <seconds>}.
 * <pre>{@code DirectCopy <mongodb uri> <folder>}</pre>
 */
public final class DirectCopy {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** As the extract reads: some servers answer an unbounded first batch with the whole window. */
    private static final int BATCH_SIZE = 1_000;
    private static final int COPY_BUFFER = 1 << 16;

    private DirectCopy() {
    }

    public static void main(String[] args) throws Exception {
        Table table = ActionsTaken.table("public");
        Statements sql = new Statements(Dialect.POSTGRES, table);
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(Path.of(args[1]));
             Connection connection = DriverManager.getConnection(warehouse.jdbcUrl());
             MongoClient mongo = MongoClients.create(args[0])) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql.createTable());
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long copied = 0;
            String copy = "COPY " + table.qualified() + " (" + sql.columnList() + ") FROM STDIN";
            try (MongoCursor<Document> documents = window(mongo, args[0]);
                 Writer tsv = new BufferedWriter(new OutputStreamWriter(
                         new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, COPY_BUFFER), StandardCharsets.UTF_8),
                         COPY_BUFFER)) {
                while (documents.hasNext()) {
                    writeLine(documents.next(), tsv);
                    copied++;
                }
            }
            connection.commit();
            System.out.printf("copied %d %.3f%n", copied, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The documents of the generated span: every one of them that has a date. */
    private static MongoCursor<Document> window(MongoClient mongo, String uri) {
        String database = uri.substring(uri.lastIndexOf('/') + 1);
        return mongo.getDatabase(database).getCollection("actions_taken")
                .find(Filters.and(Filters.gte("date", Date.from(ActionsTakenGenerator.START)),
                        Filters.lt("date", Date.from(ActionsTakenGenerator.START.plus(ActionsTakenGenerator.SPAN)))))
                .batchSize(BATCH_SIZE)
                .iterator();
    }

    /** The document as the table's row: id, user_id, action, date, then value_1 … value_N. */
    private static void writeLine(Document document, Writer tsv) throws IOException {
        tsv.write(document.getObjectId("_id").toHexString());
        tsv.write('\t');
        tsv.write(Tsv.warehouseField(text(document.get("user_id"))));
        tsv.write('\t');
        tsv.write(Tsv.warehouseField(document.getString("action")));
        tsv.write('\t');
        tsv.write(SECONDS.format(document.getDate("date").toInstant()));
        List<?> values = (List<?>) document.get("value");
        for (int i = 0; i < ActionsTaken.VALUE_COLUMNS; i++) {
            tsv.write('\t');
            tsv.write(Tsv.warehouseField(values == null || i >= values.size() ? null : text(values.get(i))));
        }
        tsv.write('\n');
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
