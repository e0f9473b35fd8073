package io.etl.lake;

import io.etl.targets.Target;

import java.io.IOException;
import java.util.List;

/**
 * A directory of part files in a lake, complete once its {@value #SUCCESS_FLAG} flag exists. Writers clear it
 * first and write the flag last, so whatever a failed attempt left behind never counts.
 *
 * @param path relative to the lake, '/'-separated
 */
public record LakeDirectory(Lake lake, String path) implements Target {

    public static final String SUCCESS_FLAG = "_SUCCESS";
    private static final String PART_PREFIX = "part-";
    /** The one part a map-only job of one split writes. */
    private static final String FIRST_PART = PART_PREFIX + "m-00000";

    @Override
    public boolean exists() {
        return lake.exists(file(SUCCESS_FLAG));
    }

    /** The directory as Hadoop and Pig name it. */
    public String hadoopPath() {
        return lake.hadoopPath(path);
    }

    /** The data files' names, sorted: Hadoop's {@code part-m-00000} and the like. */
    public List<String> parts() throws IOException {
        return files(PART_PREFIX);
    }

    /** The names of its files that start so, sorted. */
    public List<String> files(String prefix) throws IOException {
        return lake.list(path).stream().filter(name -> name.startsWith(prefix)).toList();
    }

    /** A folder within it: an unwound array's elements within the extract's, written by its job. */
    public LakeDirectory within(String name) {
        return new LakeDirectory(lake, path + "/" + name);
    }

    /**
     * The folder beside it for an unwound array's rows ({@code transform_media} beside {@code transform}) or the
     * extract's rejects before the transform gathers them: Pig cannot store into a folder within another store's.
     * {@link Stage#ofFolder} knows it as its stage's.
     */
    public LakeDirectory beside(String name) {
        return new LakeDirectory(lake, path + "_" + name);
    }

    /** The folder of another stage of the same window: {@code .../transform} to {@code .../rejects}. */
    public LakeDirectory sibling(Stage stage) {
        return new LakeDirectory(lake, path.substring(0, path.lastIndexOf('/') + 1) + stage.folder());
    }

    /** The path of one of its files, relative to the lake. */
    public String file(String name) {
        return path + "/" + name;
    }

    /** Removes the directory and what an earlier attempt left in it. */
    public void clear() throws IOException {
        lake.deleteDirectory(path);
    }

    public void write(String name, String content) throws IOException {
        lake.write(file(name), content);
    }

    public String read(String name) throws IOException {
        return lake.read(file(name));
    }

    /**
     * Writes the one empty part that a job which read nothing would leave, so that a stage with nothing to do starts
     * no job and its readers see what they would after one.
     *
     * @return the rows written: none
     */
    public long writeEmptyPart() throws IOException {
        write(FIRST_PART, "");
        return 0;
    }

    /** Flags the directory complete: the last write of a stage. */
    public void markComplete() throws IOException {
        write(SUCCESS_FLAG, "");
    }

    @Override
    public String toString() {
        return lake.hadoopPath(path);
    }
}
