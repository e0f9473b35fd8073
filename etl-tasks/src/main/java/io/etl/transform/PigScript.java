package io.etl.transform;

import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Pig script of an ETL, {@code <name>.pig}: read from the folder of setting {@code pig.dir} when it holds it (in
 * the source tree, {@code etls/pig}: an edit takes effect at once), else from the copy packaged with the ETL, on the
 * class path of the thread's context (which holds the jars of setting {@code etls.path} too).
 */
public record PigScript(String fileName, String text) {

    static final String RESOURCE_FOLDER = "pig/";

    /** @throws PermanentFailure naming both places looked in */
    public static PigScript find(String name, Path folder) throws PermanentFailure {
        String fileName = name + ".pig";
        Path file = folder.resolve(fileName);
        try {
            if (Files.isRegularFile(file)) {
                return new PigScript(fileName, Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream resource = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE_FOLDER + fileName)) {
                if (resource != null) {
                    return new PigScript(fileName, new String(resource.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new PermanentFailure("cannot read Pig script " + fileName + ": " + e.getMessage(), e);
        }
        throw new PermanentFailure("no Pig script " + fileName + " in " + folder.toAbsolutePath()
                + " (setting pig.dir) nor on the class path under " + RESOURCE_FOLDER);
    }
}
