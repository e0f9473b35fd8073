package io.etl.lake;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach S3, from settings {@code s3.endpoint}, {@code s3.region}, {@code s3.path.style},
 * {@code s3.access.key} and {@code s3.secret.key}, else the usual AWS environment ({@code AWS_REGION},
 * {@code AWS_ACCESS_KEY_ID}, …, profiles, instance roles). The same options configure our SDK client and s3a.
 *
 * @param endpoint  another S3 API than AWS's (s3proxy, MinIO); path-style addressing is then the default
 * @param keys      explicit keys; empty means the AWS SDK's default credential chain
 */
public record S3Options(Optional<URI> endpoint, String region, boolean pathStyle, Optional<Keys> keys) {

    private static final String DEFAULT_REGION = "us-east-1";
    public static final SettingKey<Optional<URI>> ENDPOINT = SettingKey.optional("s3.endpoint",
            SettingType.of("a URI such as http://127.0.0.1:9000", URI::create).requiring(uri -> uri.getScheme() != null),
            "Another S3 API than AWS's (s3proxy, MinIO)");
    public static final SettingKey<Optional<String>> REGION = SettingKey.optional("s3.region", SettingType.text(),
            "The S3 region (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)");
    public static final SettingKey<Optional<Boolean>> PATH_STYLE = SettingKey.optional("s3.path.style", SettingType.bool(),
            "Path-style S3 addressing (default: true with s3.endpoint, else false)");
    public static final SettingKey<Optional<String>> ACCESS_KEY = SettingKey.optional("s3.access.key", SettingType.text(),
            "The S3 access key (default: the AWS credential chain)");
    public static final SettingKey<Optional<String>> SECRET_KEY = SettingKey.optional("s3.secret.key", SettingType.text(),
            "The S3 secret key").asSecret();

    /** An access key pair; {@link #toString()} never shows the secret. */
    public record Keys(String accessKey, String secretKey) {
        @Override
        public String toString() {
            return "keys of " + accessKey;
        }
    }

    public static S3Options from(Settings settings, Map<String, String> environment) {
        Optional<URI> endpoint = settings.get(ENDPOINT);
        String region = settings.get(REGION)
                .or(() -> Optional.ofNullable(environment.get("AWS_REGION")))
                .or(() -> Optional.ofNullable(environment.get("AWS_DEFAULT_REGION")))
                .orElse(DEFAULT_REGION);
        boolean pathStyle = settings.get(PATH_STYLE).orElse(endpoint.isPresent());
        Optional<String> accessKey = settings.get(ACCESS_KEY);
        Optional<String> secretKey = settings.get(SECRET_KEY);
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("set both s3.access.key and s3.secret.key, or neither (then the AWS "
                    + "environment, such as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, provides the credentials)");
        }
        return new S3Options(endpoint, region, pathStyle, accessKey.map(a -> new Keys(a, secretKey.orElseThrow())));
    }

    public S3Client client() {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(credentials());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The s3a settings that reach the same place with the same credentials. */
    public Map<String, String> hadoopSettings() {
        Map<String, String> s3a = new LinkedHashMap<>();
        endpoint.ifPresent(uri -> {
            s3a.put("fs.s3a.endpoint", uri.toString());
            s3a.put("fs.s3a.connection.ssl.enabled", String.valueOf(!"http".equals(uri.getScheme())));
        });
        s3a.put("fs.s3a.endpoint.region", region);
        s3a.put("fs.s3a.path.style.access", String.valueOf(pathStyle));
        keys.ifPresent(k -> {
            s3a.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
            s3a.put("fs.s3a.access.key", k.accessKey());
            s3a.put("fs.s3a.secret.key", k.secretKey());
        });
        return s3a;
    }

    private AwsCredentialsProvider credentials() {
        return keys.<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(k.accessKey(), k.secretKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
