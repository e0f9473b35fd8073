package io.etl.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * A lake under an HDFS folder ({@code hdfs://namenode:8020/lake}), through Hadoop's {@link FileContext}: its rename
 * replaces a file atomically, which {@code FileSystem.rename} does not (it refuses an existing target). Jobs reach
 * the same paths with the cluster's own settings, so {@link #hadoopSettings()} is empty.
 */
public final class HdfsLake implements Lake {

    private final URI root;
    private final FileContext files;

    private HdfsLake(URI root, FileContext files) {
        this.root = root;
        this.files = files;
    }

    /** @param conf the cluster's configuration: an HA name service is resolved through it */
    public static HdfsLake open(URI root, Configuration conf) {
        URI normalized = URI.create(root.toString().replaceAll("/+$", ""));
        try {
            return new HdfsLake(normalized, FileContext.getFileContext(normalized, conf));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the HDFS lake " + normalized, e);
        }
    }

    @Override
    public String hadoopPath(String path) {
        return root + "/" + path;
    }

    @Override
    public Map<String, String> hadoopSettings() {
        return Map.of();
    }

    @Override
    public boolean exists(String path) {
        try {
            return files.util().exists(resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(failure(e));
        }
    }

    @Override
    public List<String> list(String directory) throws IOException {
        try {
            return Arrays.stream(files.util().listStatus(resolve(directory)))
                    .filter(FileStatus::isFile)
                    .map(status -> status.getPath().getName())
                    // Hadoop's hidden files: a write in progress, a local file system's checksums
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (FileNotFoundException e) {
            return List.of();
        }
    }

    @Override
    public String read(String path) throws IOException {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return files.open(resolve(path));
    }

    /** The warehouse cannot read HDFS itself: PostgreSQL's load streams through {@link #open}; Redshift needs S3. */
    @Override
    public String objectUri(String path) {
        return hadoopPath(path);
    }

    @Override
    public void write(String path, String content) throws IOException {
        Path file = resolve(path);
        Path temporary = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = files.create(temporary, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE),
                    Options.CreateOpts.createParent())) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            files.rename(temporary, file, Options.Rename.OVERWRITE);
        } finally {
            files.delete(temporary, false);
        }
    }

    @Override
    public void deleteDirectory(String directory) throws IOException {
        files.delete(resolve(directory), true);
    }

    /** Nothing to release: the file context shares the process's HDFS client, which Hadoop closes at exit. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private Path resolve(String path) {
        return new Path(hadoopPath(path));
    }

    private IOException failure(IOException e) {
        return new IOException("HDFS lake " + root + ": " + e.getMessage(), e);
    }
}
