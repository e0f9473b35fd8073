package io.etl.embedded;

import io.etl.config.SettingKey;
import io.etl.config.Settings;
import io.etl.mongo.MongoSource;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.util.List;

/** The MongoDB that stands in when setting {@code mongo.uri} is not set: a development machine's, see {@link Embedded}. */
public interface EmbeddedSource {

    /**
     * The source of the settings' state directory, started if it is not running in this process.
     *
     * @throws IOException      if another process holds it
     * @throws PermanentFailure if its sample documents cannot be read
     */
    Running<MongoSource> start(Settings settings) throws IOException, PermanentFailure;

    /** The settings it reads, which are unknown to an installation without it. */
    List<SettingKey<?>> settingKeys();
}
