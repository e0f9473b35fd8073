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
                rows = STREAM documents THROUGH `sleep %d` AS (id:chararray, user_id:chararray, action:chararray,
                    date:chararray, value_1:chararray, value_2:chararray, value_3:chararray, value_4:chararray, value_5:chararray);
                """.formatted(sleepSeconds));
        return folder;
    }
}
