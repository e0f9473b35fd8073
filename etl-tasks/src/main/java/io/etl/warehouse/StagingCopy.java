package io.etl.warehouse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Fills the COPY's target ({@link Statements#copyTarget}: staging, or an empty table) from the transform's part files, the way the warehouse loads fastest. */
public interface StagingCopy {

    /**
     * @param parts the part files, as paths relative to the lake
     * @return the rows copied
     * @throws LoadException naming the file, line and column the warehouse refused
     */
    long copy(Connection connection, Statements sql, List<String> parts) throws SQLException, IOException, LoadException;
}
