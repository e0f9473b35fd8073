package io.etl.cli;

/** Something written or sent once a run has ended: a report file, an alert. */
interface RunReport {

    /** What it is, for the warning when it cannot be written. */
    String description();

    void write(FinishedRun run) throws Exception;
}
