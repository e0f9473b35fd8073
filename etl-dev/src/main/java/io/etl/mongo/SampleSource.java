package io.etl.mongo;

import io.etl.config.SettingKey;
import io.etl.config.Settings;
import io.etl.embedded.EmbeddedSource;
import io.etl.embedded.Running;
import io.etl.sample.SampleFile;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.util.List;

/** The embedded sample MongoDB as the source of an installation with no {@code mongo.uri}. */
public final class SampleSource implements EmbeddedSource {

    @Override
    public Running<MongoSource> start(Settings settings) throws IOException, PermanentFailure {
        SampleMongo mongo = SampleMongo.acquire(settings);
        return new Running<>(mongo.source(), mongo::release);
    }

    @Override
    public List<SettingKey<?>> settingKeys() {
        return List.of(SampleFile.DIR);
    }
}
