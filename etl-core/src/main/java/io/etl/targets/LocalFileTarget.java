package io.etl.targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/** A file on the local file system, written to a temporary sibling and renamed into place. */
public record LocalFileTarget(Path path) implements Target {

    public static LocalFileTarget at(Path path) {
        return new LocalFileTarget(path.toAbsolutePath().normalize());
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Runs {@code writer} on a temporary file and renames it to {@link #path()}; on failure nothing is left. */
    public void write(PathWriter writer) throws Exception {
        createParent(path);
        Path temporary = temporarySibling(path);
        try {
            writer.writeTo(temporary);
            moveIntoPlace(temporary, path);
        } catch (Exception | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    public void writeString(String content) throws Exception {
        write(temporary -> Files.writeString(temporary, content, StandardCharsets.UTF_8));
    }

    public String readString() throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /** Checked first: createDirectories throws and catches an exception when the directory exists, slow per file. */
    static void createParent(Path path) throws IOException {
        Path parent = path.getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
    }

    static Path temporarySibling(Path path) {
        return path.resolveSibling("." + path.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    static void moveIntoPlace(Path source, Path destination) throws IOException {
        try {
            Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
