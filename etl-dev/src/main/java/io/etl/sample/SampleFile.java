package io.etl.sample;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.task.PermanentFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A file of sample documents for one collection, {@code <collection>.jsonl} ({@link JsonLines}), that seeds the
 * embedded source. They are the {@code *.jsonl} files of the folder of setting {@code mongo.seed.dir} (by default
 * {@value #DEFAULT_DIR} in the working directory, so an edited sample takes effect at once), else the copies of the
 * known {@link SampleCollection}s packaged on the class path under {@value #RESOURCE_FOLDER} (so the installed command
 * works anywhere).
 *
 * @param origin where it was read from, for messages
 */
public record SampleFile(String collection, String origin, Opener opener) {

    public static final SettingKey<Optional<Path>> DIR = SettingKey.optional("mongo.seed.dir", SettingType.path(),
            "The folder of *.jsonl files that seed the embedded sample MongoDB (default: src-test-data if present, else the packaged ones)");
    private static final String DEFAULT_DIR = "src-test-data";
    private static final String RESOURCE_FOLDER = "src-test-data/";
    private static final String SUFFIX = ".jsonl";

    /** Opens the file's content. */
    @FunctionalInterface
    public interface Opener {
        BufferedReader open() throws IOException;
    }

    /** @throws PermanentFailure if the folder was set explicitly and does not exist */
    public static List<SampleFile> find(Settings settings) throws PermanentFailure {
        Optional<Path> explicit = settings.get(DIR);
        Path folder = explicit.orElse(Path.of(DEFAULT_DIR));
        if (Files.isDirectory(folder)) {
            return inFolder(folder);
        }
        if (explicit.isPresent()) {
            throw new PermanentFailure("setting " + DIR.name() + " names no folder: " + folder.toAbsolutePath());
        }
        return packaged();
    }

    public BufferedReader open() throws IOException {
        return opener.open();
    }

    private static List<SampleFile> inFolder(Path folder) throws PermanentFailure {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .map(file -> new SampleFile(collectionOf(file.getFileName().toString()), file.toAbsolutePath().toString(),
                            () -> Files.newBufferedReader(file, StandardCharsets.UTF_8)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new PermanentFailure("cannot list the sample files in " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static List<SampleFile> packaged() {
        ClassLoader classes = SampleFile.class.getClassLoader();
        return SampleCollection.all().stream()
                .map(SampleCollection::collection)
                .filter(collection -> classes.getResource(resource(collection)) != null)
                .map(collection -> new SampleFile(collection, "class path " + resource(collection), () -> new BufferedReader(
                        new InputStreamReader(classes.getResourceAsStream(resource(collection)), StandardCharsets.UTF_8))))
                .toList();
    }

    private static String resource(String collection) {
        return RESOURCE_FOLDER + collection + SUFFIX;
    }

    private static String collectionOf(String fileName) {
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }
}
