package io.etl.testing;

import io.etl.lake.LakeDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The lines of a lake directory's part files, in part order. */
public final class LakeLines {

    private LakeLines() {
    }

    public static List<String> of(LakeDirectory directory) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String part : directory.parts()) {
            // a raw carriage return never occurs in the lake (it is escaped), so lines() splits on newlines only
            lines.addAll(directory.read(part).lines().toList());
        }
        return lines;
    }
}
