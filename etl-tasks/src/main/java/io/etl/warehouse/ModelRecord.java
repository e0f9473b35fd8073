package io.etl.warehouse;

import java.time.Instant;

/**
 * The build of a SQL model that its table holds, one row of {@value ModelRecords#TABLE}: written in the transaction
 * that swaps the table in, so the two never disagree.
 *
 * @param inputsVersion what its inputs were when it was built ({@link ModelRecords#lastChange} of each)
 * @param sqlHash       the hash of the SQL it was built from
 */
public record ModelRecord(String model, Instant builtAt, String inputsVersion, String sqlHash, long rows, String runId) {

    /** Whether it was built from this SQL and these inputs. */
    public boolean builtFrom(String inputsVersion, String sqlHash) {
        return this.inputsVersion.equals(inputsVersion) && this.sqlHash.equals(sqlHash);
    }
}
