package io.etl.testing;

import io.etl.lake.LakeDirectory;

import java.io.IOException;
import java.util.List;

/** The content of a lake directory's part files, in part order. */
public final class LakeLines {

    private LakeLines() {
    }

    /** The lines; a raw carriage return never occurs in the lake (it is escaped), so this splits on newlines only. */
    public static List<String> of(LakeDirectory directory) throws IOException {
        return text(directory).lines().toList();
    }

    /** The parts' text, one after another. */
    public static String text(LakeDirectory directory) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String part : directory.parts()) {
            text.append(directory.read(part));
        }
        return text.toString();
    }
}
