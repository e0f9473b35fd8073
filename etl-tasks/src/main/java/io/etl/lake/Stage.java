package io.etl.lake;

import io.etl.window.Window;

import java.util.Locale;

/** The stages that keep output in the lake, each in {@code {etl}/{window}/{stage}/}. */
public enum Stage {
    EXTRACT,
    TRANSFORM;

    public LakeDirectory directory(Lake lake, String etl, Window window) {
        return new LakeDirectory(lake, etl + "/" + window.pathName() + "/" + name().toLowerCase(Locale.ROOT));
    }
}
