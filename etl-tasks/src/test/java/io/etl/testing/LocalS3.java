package io.etl.testing;

import io.etl.lake.S3Location;
import io.etl.lake.S3Options;

import java.util.Optional;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The settings that point a lake at an s3proxy server on loopback, and the bucket it needs. */
public final class LocalS3 {

    private LocalS3() {
    }

    public static S3ProxyExtension server() {
        return S3ProxyExtension.builder().withCredentials("test-access", "test-secret-key").build();
    }

    /** Creates the lake's bucket and returns the settings of a lake at {@code lakeUri}, as {@code key, value} pairs. */
    public static String[] lake(S3ProxyExtension server, String lakeUri) {
        String[] settings = {"lake.uri", lakeUri, "s3.endpoint", server.getUri().toString(),
                "s3.access.key", server.getAccessKey(), "s3.secret.key", server.getSecretKey()};
        S3Options options = new S3Options(Optional.of(server.getUri()), "us-east-1", true,
                Optional.of(new S3Options.Keys(server.getAccessKey(), server.getSecretKey())));
        try (S3Client s3 = options.client()) {
            s3.createBucket(b -> b.bucket(S3Location.parse(lakeUri).bucket()));
        }
        return settings;
    }
}
