package io.etl.lake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What runs of an ETL that never finished left in the lake: stage folders of a window's reading ({@code {etl}/{window}/}
 * or {@code {etl}/{window}/reload_{instant}/}) that their stage never committed with its flag, such as a killed job's
 * part files and {@code _temporary} folder. Removed while the ETL's lock is held and before its first task, so that
 * no stage of the ETL is writing; what was committed stays. Only a lake in a local folder, by default in the state
 * directory: listing every window of an S3 or HDFS lake on every run would cost more than the leftovers do (an
 * S3 lifecycle rule expires them there), and the next attempt at a window clears its own.
 */
public record LakeLeftovers(LocalLake lake) {

    private static final String RELOAD_PREFIX = "reload_";

    /** Removes the uncommitted stage folders of {@code etl}; returns their paths in the lake. */
    public List<String> remove(String etl) throws IOException {
        List<String> removed = new ArrayList<>();
        for (String window : lake.folders(etl)) {
            String windowPath = etl + "/" + window;
            for (String folder : lake.folders(windowPath)) {
                if (folder.startsWith(RELOAD_PREFIX)) {
                    removeUncommitted(windowPath + "/" + folder, removed);
                }
            }
            removeUncommitted(windowPath, removed);
        }
        return removed;
    }

    /** The uncommitted stage folders of one reading, and the reading itself if nothing is left in it. */
    private void removeUncommitted(String reading, List<String> removed) throws IOException {
        for (String folder : lake.folders(reading)) {
            Optional<Stage> stage = Stage.ofFolder(folder);
            if (stage.isPresent() && !lake.exists(reading + "/" + stage.get().committedBy().folder() + "/" + LakeDirectory.SUCCESS_FLAG)) {
                lake.deleteDirectory(reading + "/" + folder);
                removed.add(reading + "/" + folder);
            }
        }
        if (lake.folders(reading).isEmpty() && lake.list(reading).isEmpty()) {
            lake.deleteDirectory(reading);
        }
    }
}
