package io.etl.task;

import java.time.Clock;

/** What a running task may ask of the run it is part of. */
public interface TaskContext {

    String runId();

    /** 1 for the first attempt, 2 for the first retry, … */
    int attempt();

    Clock clock();

    /** Records a figure of this attempt (rows read, rows loaded…): shown in the summary and kept in the history. */
    void record(String metric, long value);

    /**
     * Notes something a person should read about this attempt (a rejected document and why, a field the source grew):
     * shown under the task in the summary and the reports, and kept in the history. A task keeps its notes few: the
     * first {@value #NOTES_KEPT} are kept.
     */
    void note(String line);

    int NOTES_KEPT = 20;

    /**
     * Reports progress of a long step, counted in {@code unit}s ("documents", "rows"; "%" for a share): redrawn in
     * place on a terminal, with the rate of a count, and an occasional line elsewhere.
     */
    void progress(String step, long done, long total, String unit);
}
