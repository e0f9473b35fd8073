package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars of ETLs kept outside this installation (a team's own Maven project): setting {@link #PATH}. Their
 * {@code TaskCatalog}s join the installed ones, and their Pig scripts are found as the installed ones are.
 */
final class EtlJars {

    static final SettingKey<List<Path>> PATH = SettingKey.of("etls.path",
            SettingType.of("jar files or folders of jars that exist, separated by commas", EtlJars::parse), "",
            "More ETLs: jar files, or folders whose jars are all read, separated by commas (a team's own ETL project)");

    private EtlJars() {
    }

    /** A class loader that sees the jars of setting {@link #PATH} after {@code parent}; {@code parent} itself if none. */
    static ClassLoader loader(Settings settings, ClassLoader parent) {
        List<Path> jars = settings.get(PATH);
        if (jars.isEmpty()) {
            return parent;
        }
        return new URLClassLoader("etls.path", jars.stream().map(EtlJars::url).toArray(URL[]::new), parent);
    }

    private static List<Path> parse(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(entry -> !entry.isEmpty())
                .map(Path::of).flatMap(EtlJars::jars).toList();
    }

    private static Stream<Path> jars(Path entry) {
        if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar")) {
            return Stream.of(entry);
        }
        if (!Files.isDirectory(entry)) {
            throw new IllegalArgumentException(entry + " is neither a jar nor a folder");
        }
        try (Stream<Path> files = Files.list(entry)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar + " has no URL", e);
        }
    }
}
