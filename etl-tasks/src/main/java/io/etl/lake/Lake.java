package io.etl.lake;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.hadoop.HadoopSetup;
import io.etl.state.StateDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stages keep their outputs, addressed by URI: a local folder, an S3 prefix or an HDFS folder. Paths inside a lake are
 * relative and '/'-separated ({@code actions_taken/20261101T000000Z_20261102T000000Z/extract}). Our own reads and
 * writes go through this interface; Hadoop and Pig get {@link #hadoopPath} and {@link #hadoopSettings} instead.
 */
public sealed interface Lake extends AutoCloseable permits LocalLake, S3Lake, HdfsLake {

    SettingKey<Optional<String>> LOCATION = SettingKey.optional("lake.uri",
            SettingType.text().requiring(uri -> !uri.matches("[a-zA-Z][a-zA-Z0-9+.-]+:/.*") || uri.matches("(s3a?|hdfs|file):.*"))
                    .described("s3://bucket/prefix, hdfs://namenode:8020/folder or a local folder"),
            "Where the stages keep their outputs (default: the lake folder of the state directory)");

    /**
     * The lake of setting {@code lake.uri}: {@code s3://bucket/prefix}, {@code hdfs://namenode:8020/folder}, a
     * {@code file:} URI or a plain path.
     */
    static Lake open(Settings settings) {
        String uri = settings.get(LOCATION).orElseGet(() -> StateDirectory.from(settings).resolve("lake").toString());
        if (uri.startsWith("s3://") || uri.startsWith("s3a://")) {
            return S3Lake.open(S3Location.parse(uri), S3Options.from(settings, System.getenv()));
        }
        if (uri.startsWith("hdfs://")) {
            return HdfsLake.open(URI.create(uri), HadoopSetup.from(settings, System.getenv()).configuration(Map.of()));
        }
        if (uri.startsWith("file:")) {
            return LocalLake.at(Path.of(URI.create(uri)));
        }
        return LocalLake.at(Path.of(uri));
    }

    /** The same place as Hadoop and Pig name it: {@code file:///…}, {@code s3a://bucket/…} or {@code hdfs://…}. */
    String hadoopPath(String path);

    /** What a Hadoop job or Pig needs to reach this lake (s3a endpoint, region, credentials); empty for a folder or HDFS. */
    Map<String, String> hadoopSettings();

    boolean exists(String path);

    /** The names of the files directly in a directory, sorted; empty if there is none. */
    List<String> list(String directory) throws IOException;

    String read(String path) throws IOException;

    /** Streams a file, for data too large to hold as one string (the load reads part files this way). */
    InputStream open(String path) throws IOException;

    /** The file as a warehouse names it in a load: {@code s3://bucket/key} for S3, a local path otherwise. */
    String objectUri(String path);

    /** Writes a whole file; readers see the old content or the new, never a part. */
    void write(String path, String content) throws IOException;

    /** Removes a directory and everything under it; nothing happens if it does not exist. */
    void deleteDirectory(String directory) throws IOException;

    @Override
    void close();
}
