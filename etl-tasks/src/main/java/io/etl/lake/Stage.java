package io.etl.lake;

import io.etl.window.Window;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The folders of one window's output in the lake, each {@code {etl}/{window}/{stage}/}; those of a reload of the window
 * as of an instant are {@code {etl}/{window}/reload_{instant}/{stage}/}, so that it never counts the first reading's.
 */
public enum Stage {
    EXTRACT,
    TRANSFORM,
    /** The documents the transform could not make loadable, each with its reason; written by the transform's run. */
    REJECTS;

    public LakeDirectory directory(Lake lake, String etl, Window window) {
        return directory(lake, etl, window, Optional.empty());
    }

    public LakeDirectory directory(Lake lake, String etl, Window window, Optional<Instant> reload) {
        String reading = reload.map(at -> "/reload_" + Window.pathTime(at)).orElse("");
        return new LakeDirectory(lake, etl + "/" + window.pathName() + reading + "/" + folder());
    }

    /** The stage whose {@value LakeDirectory#SUCCESS_FLAG} commits this folder: its own, or the transform's for its rejects. */
    public Stage committedBy() {
        return this == REJECTS ? TRANSFORM : this;
    }

    /** The stage of a folder within a window's, if it is one: its own, or one beside it for an unwound array's rows. */
    public static Optional<Stage> ofFolder(String folder) {
        return Arrays.stream(values())
                .filter(stage -> stage.folder().equals(folder) || folder.startsWith(stage.folder() + "_"))
                .findFirst();
    }

    /** The stage's folder within a window's. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
