package io.etl.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A lake in a local folder, the default: under the state directory unless {@code lake.uri} says otherwise. */
public record LocalLake(Path root) implements Lake {

    public static LocalLake at(Path root) {
        return new LocalLake(root.toAbsolutePath().normalize());
    }

    /** Hadoop reads a path string unescaped, so this is {@code file://} and the path as it is. */
    @Override
    public String hadoopPath(String path) {
        return "file://" + resolve(path);
    }

    @Override
    public Map<String, String> hadoopSettings() {
        return Map.of();
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    @Override
    public List<String> list(String directory) throws IOException {
        return names(directory, Files::isRegularFile);
    }

    /** The names of the folders directly in a directory, sorted; empty if there is none. */
    public List<String> folders(String directory) throws IOException {
        return names(directory, Files::isDirectory);
    }

    private List<String> names(String directory, Predicate<Path> kind) throws IOException {
        try (Stream<Path> files = Files.list(resolve(directory))) {
            return files.filter(kind).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    @Override
    public String read(String path) throws IOException {
        return Files.readString(resolve(path), StandardCharsets.UTF_8);
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(resolve(path));
    }

    @Override
    public String objectUri(String path) {
        return resolve(path).toString();
    }

    @Override
    public void write(String path, String content) throws IOException {
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void deleteDirectory(String directory) throws IOException {
        Path root = resolve(directory);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(LocalLake::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
    }

    private Path resolve(String path) {
        return root.resolve(path).normalize();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
