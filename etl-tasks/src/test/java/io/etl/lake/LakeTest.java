package io.etl.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.config.MalformedSettingException;
import io.etl.testing.LocalS3;
import io.etl.testing.TestSettings;
import io.etl.window.Window;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LakeTest {

    @RegisterExtension
    final S3ProxyExtension s3proxy = LocalS3.server();

    @TempDir
    Path home;
    private Lake lake;

    @AfterEach
    void close() {
        if (lake != null) {
            lake.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "s3"})
    void a_stage_directory_is_complete_only_once_flagged_and_clearing_it_undoes_that(String kind) throws Exception {
        LakeDirectory extract = Stage.EXTRACT.directory(lake(kind), "actions_taken", window());
        extract.write("part-m-00000", "1\ta\n");
        assertFalse(extract.exists(), "parts without a flag are not complete");

        extract.markComplete();
        assertTrue(extract.exists());

        extract.clear();
        assertFalse(extract.exists());
        assertEquals(List.of(), extract.parts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "s3"})
    void files_are_read_back_and_listed_by_directory_with_parts_apart(String kind) throws Exception {
        LakeDirectory transform = Stage.TRANSFORM.directory(lake(kind), "actions_taken", window());
        transform.write("part-m-00001", "b\n");
        transform.write("part-m-00000", "naïve\t日本語\n");
        transform.write("_COUNTS.json", "{}");
        lake.write(transform.path() + "/nested/part-m-00009", "deeper");

        assertEquals("naïve\t日本語\n", transform.read("part-m-00000"));
        assertEquals(List.of("_COUNTS.json", "part-m-00000", "part-m-00001"), lake.list(transform.path()));
        assertEquals(List.of("part-m-00000", "part-m-00001"), transform.parts());
        assertEquals("actions_taken/20261101T000000Z_20261102T000000Z/transform", transform.path());
    }

    @Test
    void an_s3_lake_hands_hadoop_the_s3a_path_and_the_settings_to_reach_it() {
        lake("s3");

        assertEquals("s3a://lake/warehouse/raw/actions_taken/x", lake.hadoopPath("actions_taken/x"));
        assertEquals(Map.of(
                "fs.s3a.endpoint", s3proxy.getUri().toString(),
                "fs.s3a.connection.ssl.enabled", "false",
                "fs.s3a.endpoint.region", "us-east-1",
                "fs.s3a.path.style.access", "true",
                "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                "fs.s3a.access.key", s3proxy.getAccessKey(),
                "fs.s3a.secret.key", s3proxy.getSecretKey()), lake.hadoopSettings());
    }

    @Test
    void by_default_the_lake_is_a_folder_in_the_state_directory() {
        lake = Lake.open(TestSettings.of(home));

        assertEquals(LocalLake.at(home.resolve("lake")), lake);
        assertEquals("file://" + home.resolve("lake/a/b"), lake.hadoopPath("a/b"));
    }

    @Test
    void a_lake_uri_may_be_a_file_uri_a_plain_path_or_an_s3_prefix_and_nothing_else() {
        assertEquals(LocalLake.at(home.resolve("x")), Lake.open(TestSettings.of(home, "lake.uri", home.resolve("x").toUri().toString())));
        assertEquals(LocalLake.at(home.resolve("y")), Lake.open(TestSettings.of(home, "lake.uri", home.resolve("y").toString())));
        assertEquals(new S3Location("bucket", "a/b"), S3Location.parse("s3://bucket/a/b/"));
        assertEquals(new S3Location("bucket", ""), S3Location.parse("s3://bucket"));

        MalformedSettingException unknown = assertThrows(MalformedSettingException.class,
                () -> Lake.open(TestSettings.of(home, "lake.uri", "ftp://host/lake")));
        assertEquals("setting lake.uri is 'ftp://host/lake' (test): expected s3://bucket/prefix, hdfs://namenode:8020/folder"
                + " or a local folder", unknown.getMessage());
    }

    @Test
    void s3_credentials_come_from_the_environment_unless_both_keys_are_set() {
        S3Options fromEnvironment = S3Options.from(TestSettings.of(home), Map.of("AWS_REGION", "eu-west-1"));
        assertEquals(new S3Options(Optional.empty(), "eu-west-1", false, Optional.empty()), fromEnvironment);
        assertFalse(fromEnvironment.hadoopSettings().containsKey("fs.s3a.aws.credentials.provider"));

        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> S3Options.from(TestSettings.of(home, "s3.access.key", "AKIA"), Map.of()));
        assertTrue(half.getMessage().startsWith("set both s3.access.key and s3.secret.key, or neither"));
    }

    private Lake lake(String kind) {
        lake = kind.equals("s3")
                ? Lake.open(TestSettings.of(home, LocalS3.lake(s3proxy, "s3://lake/warehouse/raw")))
                : Lake.open(TestSettings.of(home));
        assertEquals(kind.equals("s3") ? S3Lake.class : LocalLake.class, lake.getClass());
        return lake;
    }

    private static Window window() {
        return Window.of(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"));
    }
}
