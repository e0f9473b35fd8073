package io.etl.warehouse;

import io.etl.task.PermanentFailure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Connections kept for the short reads that planning a run repeats, such as whether a window is loaded: one per
 * thread that asks, instead of one opened (a server process started) for each question. Planning a backfill of 10,000
 * chunks asks 10,000 times. Each read runs on its own (autocommit), so it sees what is committed when it runs.
 */
final class ReadConnections implements AutoCloseable {

    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException, PermanentFailure;
    }

    @FunctionalInterface
    interface Read<T> {
        T apply(Connection connection) throws SQLException, PermanentFailure;
    }

    private final Opener opener;
    private final ThreadLocal<Connection> byThread = new ThreadLocal<>();
    private final List<Connection> opened = new CopyOnWriteArrayList<>();

    ReadConnections(Opener opener) {
        this.opener = opener;
    }

    /** Runs the read on this thread's connection; on one that fails (the server closed it), once more on a new one. */
    <T> T read(Read<T> read) throws SQLException, PermanentFailure {
        Connection kept = byThread.get();
        if (kept != null) {
            try {
                return read.apply(kept);
            } catch (SQLException failed) {
                if (kept.isValid(1)) {
                    throw failed;
                }
                opened.remove(kept);
                closeQuietly(kept);
            }
        }
        Connection connection = opener.open();
        opened.add(connection);
        byThread.set(connection);
        return read.apply(connection);
    }

    @Override
    public void close() {
        opened.forEach(ReadConnections::closeQuietly);
        opened.clear();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException alreadyGone) {
            // nothing to release
        }
    }
}
