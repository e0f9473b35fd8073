package io.etl.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** s3proxy (embedded, filesystem blob store on loopback) with the AWS SDK v2 and Hadoop's s3a. */
class S3LakeTest {
    static final String ACCESS = "access";
    static final String SECRET = "secret";

    @RegisterExtension
    final S3ProxyExtension s3proxy = S3ProxyExtension.builder().withCredentials(ACCESS, SECRET).build();

    @TempDir Path tmp;

    private S3Client client() {
        return S3Client.builder()
                .endpointOverride(s3proxy.getUri())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .build();
    }

    @Test
    void sdkPutAndGet() {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket("lake"));
            s3.putObject(p -> p.bucket("lake").key("raw/a.tsv"), RequestBody.fromString("1\tx\n"));
            assertEquals("1\tx\n", s3.getObjectAsBytes(g -> g.bucket("lake").key("raw/a.tsv")).asUtf8String());
        }
    }

    @Test
    void hadoopS3aWriteAndRead() throws Exception {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket("lake"));
        }
        Configuration conf = HadoopLocal.conf(tmp);
        conf.set("fs.s3a.endpoint", s3proxy.getUri().toString());
        conf.set("fs.s3a.endpoint.region", "us-east-1");
        conf.setBoolean("fs.s3a.path.style.access", true);
        conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.access.key", ACCESS);
        conf.set("fs.s3a.secret.key", SECRET);

        try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://lake/"), conf)) {
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("s3a://lake/transform/part-r-00000");
            try (FSDataOutputStream out = fs.create(file, true)) {
                out.write("1\talice\n2\tbob\n".getBytes(StandardCharsets.UTF_8));
            }
            FileStatus[] listed = fs.listStatus(new org.apache.hadoop.fs.Path("s3a://lake/transform/"));
            assertEquals(1, listed.length);
            assertEquals(14, listed[0].getLen());
            try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
                assertEquals("1\talice", r.readLine());
                assertEquals("2\tbob", r.readLine());
            }
            assertTrue(fs.delete(file, false));
        }
    }
}
