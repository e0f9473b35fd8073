package io.etl.warehouse;

import io.etl.window.Window;

/**
 * The row a load writes into {@value Statements#MARKERS}, in the same transaction as the data: its presence is what
 * makes a window's load complete, and its counts are the reconciliation, kept where the data is.
 */
public record LoadMarker(String etl, Window window, String runId, long rowsMatched, long rowsExtracted,
                         long rowsTransformed, long rowsRejected) {
}
