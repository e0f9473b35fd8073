package io.etl.warehouse;

import io.etl.task.PermanentFailure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A table rebuilt beside the one readers use ({@link #building}) and put in its place in the caller's transaction:
 * the old one renamed away, the new one renamed to its name and given the old one's grants, the old one dropped. Readers
 * see the old table until the commit and the new one after it, never a half-built one; a rollback leaves the old one.
 * PostgreSQL and Redshift both rename and drop tables inside a transaction block. A view bound to the old table
 * (Redshift's late-binding views are not) would follow it and stop the drop: the swap then fails, naming it, and the
 * old table stays.
 */
public final class TableSwap {

    private static final String BUILDING_SUFFIX = "__etl_new";
    private static final String REPLACED_SUFFIX = "__etl_old";
    /** PostgreSQL's "dependent objects still exist". */
    private static final String DEPENDENT_OBJECTS = "2BP01";

    private TableSwap() {
    }

    /** The name a table is built under until it is swapped in. */
    public static String building(String name) {
        return name + BUILDING_SUFFIX;
    }

    /**
     * Puts {@code building(name)} in the place of {@code name} (or simply names it so when {@code name} does not exist),
     * inside the connection's open transaction.
     *
     * @throws PermanentFailure when another object depends on the old table, or the new one does not exist
     */
    public static void swap(Connection connection, String schema, String name) throws SQLException, PermanentFailure {
        String built = building(name);
        if (!Catalog.tableExists(connection, schema, built)) {
            throw new PermanentFailure("cannot swap in " + schema + "." + built + ": it does not exist");
        }
        boolean replacing = Catalog.tableExists(connection, schema, name);
        List<String> grants = replacing ? grants(connection, schema, name) : List.of();
        try (Statement statement = connection.createStatement()) {
            if (replacing) {
                statement.execute(rename(schema, name, name + REPLACED_SUFFIX));
            }
            statement.execute(rename(schema, built, name));
            for (String grant : grants) {
                statement.execute(grant);
            }
            if (replacing) {
                drop(statement, schema, name);
            }
        }
    }

    private static String rename(String schema, String from, String to) {
        return "ALTER TABLE " + Identifiers.quote(schema) + "." + Identifiers.quote(from) + " RENAME TO " + Identifiers.quote(to);
    }

    private static void drop(Statement statement, String schema, String name) throws SQLException, PermanentFailure {
        try {
            statement.execute("DROP TABLE " + Identifiers.quote(schema) + "." + Identifiers.quote(name + REPLACED_SUFFIX));
        } catch (SQLException e) {
            if (DEPENDENT_OBJECTS.equals(e.getSQLState())) {
                String dependents = e.getMessage().lines().map(String::strip).filter(line -> line.startsWith("Detail:"))
                        .map(line -> line.substring("Detail:".length()).strip()).findFirst().orElse(e.getMessage().strip())
                        .replace(name + REPLACED_SUFFIX, name).replace(" on table ", " on ");
                throw new PermanentFailure("cannot swap the rebuilt " + schema + "." + name + " in, so the old one stays: "
                        + dependents + " (drop that view and create it again after the swap, or make it late-binding on"
                        + " Redshift: WITH NO SCHEMA BINDING)", e);
            }
            throw e;
        }
    }

    /** The GRANT statements that give the new table what others than the current user hold on the old one. */
    private static List<String> grants(Connection connection, String schema, String name) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT grantee, privilege_type"
                + " FROM information_schema.table_privileges WHERE table_schema = ? AND table_name = ? AND grantee <> current_user")) {
            select.setString(1, schema);
            select.setString(2, name);
            try (ResultSet privileges = select.executeQuery()) {
                while (privileges.next()) {
                    String grantee = privileges.getString(1);
                    grants.add("GRANT " + privileges.getString(2) + " ON " + Identifiers.quote(schema) + "."
                            + Identifiers.quote(name) + " TO " + ("PUBLIC".equals(grantee) ? grantee : Identifiers.quote(grantee)));
                }
            }
        }
        return grants;
    }
}
