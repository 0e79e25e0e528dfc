package dev.gigawatt.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;

/** Brings the results database's schema up to the one this build writes. */
final class SchemaMigrations {
    private SchemaMigrations() {}

    /** Creates missing tables and drops rows of runs that never committed. */
    static void migrate(StoreConnection connection) throws SQLException {
        String ddl;
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("schema.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement s = connection.jdbc().createStatement()) {
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            // Rows of runs that never committed their runs row (older crashes) are invisible; drop them.
            for (String table : TableColumns.RUN_TABLES) {
                s.execute("DELETE FROM " + table + " WHERE run_id NOT IN (SELECT run_id FROM runs)");
            }
        }
    }

    /** Nothing to check yet for a read-only connection. */
    static void checkReadable(StoreConnection connection) {}
}
