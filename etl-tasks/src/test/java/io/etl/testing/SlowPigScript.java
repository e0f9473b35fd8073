package io.etl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An actions_taken Pig script whose map tasks take minutes: every row is streamed through {@code sleep}. */
public final class SlowPigScript {

    private SlowPigScript() {
    }

    /** Writes it into {@code folder} (created if missing), to point setting {@code pig.dir} at; returns the folder. */
    public static Path in(Path folder, int sleepSeconds) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("actions_taken.pig"), """
                actions = LOAD '$input' USING PigStorage('\\\\t') AS (id:chararray);
                slow = STREAM actions THROUGH `sleep %d`;
                STORE slow INTO '$output';
                """.formatted(sleepSeconds));
        return folder;
    }
}
