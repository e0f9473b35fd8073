package io.etl.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A lake under an S3 prefix. Our own operations use the AWS SDK v2; Hadoop and Pig reach the same objects
 * through s3a with {@link #hadoopSettings()}. A PUT is atomic, so {@link #write} needs no temporary object.
 */
public final class S3Lake implements Lake {

    private static final int DELETE_BATCH = 1000;

    private final S3Location location;
    private final S3Options options;
    private final S3Client s3;

    private S3Lake(S3Location location, S3Options options, S3Client s3) {
        this.location = location;
        this.options = options;
        this.s3 = s3;
    }

    public static S3Lake open(S3Location location, S3Options options) {
        return new S3Lake(location, options, options.client());
    }

    @Override
    public String hadoopPath(String path) {
        return "s3a://" + location.bucket() + "/" + location.key(path);
    }

    @Override
    public Map<String, String> hadoopSettings() {
        return options.hadoopSettings();
    }

    @Override
    public boolean exists(String path) {
        try {
            s3.headObject(h -> h.bucket(location.bucket()).key(location.key(path)));
            return true;
        } catch (SdkException e) {
            if (e instanceof S3Exception s3Error && s3Error.statusCode() == 404) {
                return false;
            }
            throw new UncheckedIOException(failure(e));
        }
    }

    @Override
    public List<String> list(String directory) throws IOException {
        String prefix = location.key(directory) + "/";
        return keys(prefix, "/").stream()
                .map(key -> key.substring(prefix.length()))
                .filter(name -> !name.isEmpty()) // a "folder" marker object, as consoles and s3a create them
                .sorted()
                .toList();
    }

    @Override
    public String read(String path) throws IOException {
        return call(() -> s3.getObjectAsBytes(g -> g.bucket(location.bucket()).key(location.key(path))).asUtf8String());
    }

    @Override
    public InputStream open(String path) throws IOException {
        return call(() -> s3.getObject(g -> g.bucket(location.bucket()).key(location.key(path))));
    }

    @Override
    public String objectUri(String path) {
        return "s3://" + location.bucket() + "/" + location.key(path);
    }

    @Override
    public void write(String path, String content) throws IOException {
        call(() -> s3.putObject(p -> p.bucket(location.bucket()).key(location.key(path)), RequestBody.fromString(content)));
    }

    @Override
    public void deleteDirectory(String directory) throws IOException {
        List<ObjectIdentifier> objects = keys(location.key(directory) + "/", null).stream()
                .map(key -> ObjectIdentifier.builder().key(key).build())
                .toList();
        for (int from = 0; from < objects.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = objects.subList(from, Math.min(objects.size(), from + DELETE_BATCH));
            List<S3Error> errors = call(() -> s3.deleteObjects(d -> d.bucket(location.bucket())
                    .delete(del -> del.objects(batch).quiet(true))).errors());
            if (!errors.isEmpty()) {
                throw new IOException("S3 lake " + location.uri() + ": cannot delete " + errors.get(0).key() + ": "
                        + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return location.uri().toString();
    }

    /** The keys under a prefix; with a delimiter, only those not below a further "folder". */
    private List<String> keys(String prefix, String delimiter) throws IOException {
        return call(() -> s3.listObjectsV2Paginator(l -> l.bucket(location.bucket()).prefix(prefix).delimiter(delimiter))
                .contents().stream()
                .map(S3Object::key)
                .toList());
    }

    /** Runs an S3 call, reporting its failure as an {@link IOException} naming the lake, as a file system would. */
    private <T> T call(Supplier<T> operation) throws IOException {
        try {
            return operation.get();
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    private IOException failure(SdkException e) {
        return new IOException("S3 lake " + location.uri() + ": " + e.getMessage(), e);
    }
}
