package io.etl.warehouse;

import io.etl.lake.Lake;
import io.etl.state.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rewrites the two statements of a load that only Redshift takes into PostgreSQL's: a table's distribution and sort
 * keys are left out, and {@code COPY … FROM 's3://…/manifest' … MANIFEST} becomes {@code COPY … FROM '<file>'} of the
 * manifest's parts, fetched from the lake and joined into one file the server reads. The options Redshift is given
 * ({@code DELIMITER '\t' ESCAPE NULL AS '\\N'}) read the transform's files as PostgreSQL's text format does, which is
 * the form both warehouses read alike. The server must be allowed to read files (the embedded test warehouse's
 * superuser is).
 */
final class RedshiftStandIn {

    private static final Pattern S3_COPY = Pattern.compile("(?s)\\s*COPY\\s+(.+?)\\s+FROM\\s+'(s3://[^']+)'.*\\bMANIFEST\\b.*");
    private static final Pattern TABLE_KEYS = Pattern.compile("\\s+DISTSTYLE\\s+\\w+|\\s+DISTKEY\\s*\\([^)]*\\)|\\s+SORTKEY\\s*\\([^)]*\\)");

    private final Lake lake;

    RedshiftStandIn(Lake lake) {
        this.lake = lake;
    }

    /** The statement PostgreSQL runs instead. */
    String rewrite(String statement) {
        Matcher copy = S3_COPY.matcher(statement);
        if (!copy.matches()) {
            return statement.startsWith("CREATE TABLE") ? TABLE_KEYS.matcher(statement).replaceAll("") : statement;
        }
        try {
            return "COPY " + copy.group(1) + " FROM '" + partsJoined(copy.group(2)) + "'";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path partsJoined(String manifestUri) throws IOException {
        Path joined = Files.createTempFile("redshift-copy", ".tsv", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r--r--")));
        joined.toFile().deleteOnExit();
        JsonNode manifest = Json.MAPPER.readTree(lake.read(path(manifestUri)));
        try (OutputStream out = Files.newOutputStream(joined)) {
            for (JsonNode entry : manifest.get("entries")) {
                try (InputStream part = lake.open(path(entry.get("url").asText()))) {
                    part.transferTo(out);
                }
            }
        }
        return joined;
    }

    /** An {@code s3://bucket/prefix/…} address as a path in the lake. */
    private String path(String uri) {
        String root = lake.objectUri("");
        if (!uri.startsWith(root)) {
            throw new IllegalArgumentException(uri + " is not in the lake " + root);
        }
        return uri.substring(root.length());
    }
}
