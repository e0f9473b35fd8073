package io.etl.lake;

import java.net.URI;

/** A bucket and a key prefix (empty, or without leading and trailing slashes), from {@code s3://bucket/prefix}. */
public record S3Location(String bucket, String prefix) {

    public static S3Location parse(String uri) {
        URI parsed = URI.create(uri);
        if (parsed.getHost() == null || parsed.getHost().isBlank()) {
            throw new IllegalArgumentException("lake URI '" + uri + "' names no bucket: expected s3://bucket/prefix");
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        return new S3Location(parsed.getHost(), path.replaceAll("^/+|/+$", ""));
    }

    /** The object key of a path relative to the prefix. */
    public String key(String path) {
        return prefix.isEmpty() ? path : prefix + "/" + path;
    }

    public URI uri() {
        return URI.create("s3://" + bucket + "/" + prefix);
    }
}
