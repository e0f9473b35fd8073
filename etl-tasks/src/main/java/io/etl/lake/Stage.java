package io.etl.lake;

import io.etl.window.Window;

import java.util.Locale;

/** The folders of one window's output in the lake, each {@code {etl}/{window}/{stage}/}. */
public enum Stage {
    EXTRACT,
    TRANSFORM,
    /** The rows the transform could not make loadable, each with its reason; written by the transform's run. */
    REJECTS;

    public LakeDirectory directory(Lake lake, String etl, Window window) {
        return new LakeDirectory(lake, etl + "/" + window.pathName() + "/" + name().toLowerCase(Locale.ROOT));
    }
}
