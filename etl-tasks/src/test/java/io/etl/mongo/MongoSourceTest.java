package io.etl.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.config.MalformedSettingException;
import io.etl.task.Failures;
import io.etl.task.PermanentFailure;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.TestSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MongoSourceTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @TempDir
    Path home;

    @Test
    void an_unreachable_mongo_fails_fast_with_one_line_naming_the_host_and_database_and_may_be_retried() throws Exception {
        MongoSource source = configured("mongodb://etl:s3cret@127.0.0.1:1/app", "mongo.timeout", "500ms");

        Instant start = Instant.now();
        IOException unreachable = assertThrows(IOException.class, () -> source.query(database -> database.listCollectionNames().first()));

        assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0, "gave up within the timeout");
        assertEquals("MongoDB database app on 127.0.0.1:1 did not answer within 500 ms (ConnectException: Connection refused):"
                + " check that it runs and is reachable from here, or raise setting mongo.timeout", unreachable.getMessage());
        assertFalse(Failures.isPermanent(unreachable), "the run's retries try again");
    }

    @Test
    void a_server_that_refuses_the_login_is_a_permanent_failure_naming_the_user_but_not_the_password() throws Exception {
        String uri = MONGO.uri(MONGO.database());
        MongoSource source = configured(uri.replace("mongodb://", "mongodb://etl:s3cret@"));

        PermanentFailure rejected = assertThrows(PermanentFailure.class, () -> source.query(database -> database.listCollectionNames().first()));

        assertEquals("MongoDB database " + source.database() + " on " + uri.substring("mongodb://".length(), uri.lastIndexOf('/'))
                + " rejected the login of user 'etl': check the user and password in setting mongo.uri", rejected.getMessage());
    }

    @Test
    void the_timeout_setting_reaches_the_uri_mongo_hadoop_reads_unless_the_uri_sets_its_own() throws Exception {
        MongoSource defaulted = configured("mongodb://db.example:27017/app?readPreference=secondary");
        MongoSource ownTimeout = configured("mongodb://db.example:27017/app?serverSelectionTimeoutMS=100", "mongo.timeout", "1m");

        assertEquals("mongodb://db.example:27017/app.events?readPreference=secondary&serverSelectionTimeoutMS=5000",
                defaulted.collectionUri("events").getURI());
        assertEquals(100, ownTimeout.collectionUri("events").getOptions().getServerSelectionTimeout());
    }

    @Test
    void a_uri_without_a_database_is_refused_naming_the_setting() {
        MalformedSettingException refused = assertThrows(MalformedSettingException.class, () -> configured("mongodb://db.example:27017"));

        assertEquals("setting mongo.uri is 'mongodb://db.example:27017' (override): expected a MongoDB URI with a database,"
                + " such as mongodb://host:27017/app", refused.getMessage());
    }

    private MongoSource configured(String uri, String... settings) {
        return MongoSource.configured(TestSettings.of(home, settings).with(MongoSource.URI.name(), uri)).orElseThrow();
    }
}
