package io.etl.targets;

/**
 * Something a task produces: a file, a directory in the lake, a marker row in the warehouse. A target exists only
 * once it is whole: writers make it appear atomically, so a failed attempt leaves nothing that counts.
 */
public interface Target {

    boolean exists();
}
