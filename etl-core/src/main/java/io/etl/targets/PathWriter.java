package io.etl.targets;

import java.nio.file.Path;

/** Writes a target's content at a temporary path; the target moves it into place only if this returns normally. */
@FunctionalInterface
public interface PathWriter {

    void writeTo(Path temporary) throws Exception;
}
