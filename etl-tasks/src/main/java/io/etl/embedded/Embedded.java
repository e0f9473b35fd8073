package io.etl.embedded;

import io.etl.config.MissingSettingException;
import io.etl.config.SettingKey;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The servers of a development machine, when this installation has them: the module {@code etl-dev} provides them
 * ({@code java.util.ServiceLoader}), and a production job, which needs neither, leaves that module out and sets
 * {@code mongo.uri} and {@code warehouse.url}.
 */
public final class Embedded {

    private static final String MODULE = "etl-dev";

    private Embedded() {
    }

    public static Optional<EmbeddedSource> source() {
        return ServiceLoader.load(EmbeddedSource.class).findFirst();
    }

    public static Optional<EmbeddedDatabase> database() {
        return ServiceLoader.load(EmbeddedDatabase.class).findFirst();
    }

    /** @throws MissingSettingException naming {@code setting}, as nothing can stand in for it here */
    public static <T> T require(Optional<T> server, SettingKey<?> setting, String what) {
        return server.orElseThrow(() -> new MissingSettingException(setting.name() + " is not set, and this installation"
                + " has no embedded " + what + " (module " + MODULE + "): set " + setting.name()));
    }
}
