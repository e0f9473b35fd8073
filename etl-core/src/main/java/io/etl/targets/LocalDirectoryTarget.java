package io.etl.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of part files, complete once its {@value #SUCCESS_FLAG} flag exists (the Hadoop convention, which
 * also works where renames are not atomic). Whatever a failed attempt left behind is not complete and is cleared
 * before the next attempt writes.
 */
public record LocalDirectoryTarget(Path path) implements Target {

    public static final String SUCCESS_FLAG = "_SUCCESS";

    public static LocalDirectoryTarget at(Path path) {
        return new LocalDirectoryTarget(path.toAbsolutePath().normalize());
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(path.resolve(SUCCESS_FLAG));
    }

    /**
     * Runs {@code writer} on an empty temporary directory, flags it complete and renames it to {@link #path()}. A
     * previous partial directory is removed first; on failure nothing is left.
     */
    public void write(PathWriter writer) throws Exception {
        LocalFileTarget.createParent(path);
        Path temporary = LocalFileTarget.temporarySibling(path);
        try {
            Files.createDirectory(temporary);
            writer.writeTo(temporary);
            Files.createFile(temporary.resolve(SUCCESS_FLAG));
            deleteRecursively(path);
            LocalFileTarget.moveIntoPlace(temporary, path);
        } finally {
            deleteRecursively(temporary);
        }
    }

    /** The data files, in name order: everything but the flag and hidden or temporary files. */
    public List<Path> parts() throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
