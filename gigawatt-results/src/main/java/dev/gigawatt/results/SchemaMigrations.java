package dev.gigawatt.results;

import dev.gigawatt.report.GigawattVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The results database's schema version and the steps from each version to the next. Version 1 is
 * the schema as first released; version 2 adds {@code jobs.useful_gpu_hours}. The version is kept in
 * the table {@code schema_version}, one row per version the database has reached.
 */
final class SchemaMigrations {
    /*
     * A database opened for writing runs the steps it lacks in one transaction, so a process killed
     * half-way leaves it at its old version, and then checks that every table has the columns, in the
     * order, that RunWriter's positional appenders feed. A read-only open migrates nothing; both refuse
     * a database from a newer build rather than write rows it does not expect or misread them.
     *
     * Databases written before the version was recorded have no schema_version table: one with a runs
     * table is version 2 if jobs has useful_gpu_hours and version 1 otherwise, and is adopted as such.
     */

    /** One step: the SQL that takes a database from {@code version - 1} to {@code version}. */
    record Migration(int version, String sql) {
        static Migration fromResource(int version) {
            String name = "migrations/v" + version + ".sql";
            try (InputStream in = SchemaMigrations.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                return new Migration(version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every step, in order; the last one's version is the schema this build writes. */
    static final List<Migration> MIGRATIONS = List.of(Migration.fromResource(1), Migration.fromResource(2));

    /** The schema version this build writes and reads. */
    static final int CURRENT = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private SchemaMigrations() {}

    /**
     * Brings a database opened for writing to {@link #CURRENT}, checks its columns and drops rows of
     * runs that never committed.
     *
     * @throws StoreException when it was written by a newer gigawatt or its tables do not match
     */
    static void migrate(StoreConnection connection) throws SQLException {
        migrate(connection, MIGRATIONS);
        checkColumns(connection);
        try (Statement s = connection.jdbc().createStatement()) {
            // Rows of runs that never committed their runs row (older crashes) are invisible; drop them.
            for (String table : TableColumns.RUN_TABLES) {
                s.execute("DELETE FROM " + table + " WHERE run_id NOT IN (SELECT run_id FROM runs)");
            }
        }
    }

    /** Applies the steps of {@code migrations} the database lacks, all in one transaction. */
    static void migrate(StoreConnection connection, List<Migration> migrations) throws SQLException {
        int latest = migrations.get(migrations.size() - 1).version();
        int found = version(connection.jdbc());
        refuseNewer(connection, found, latest);
        if (found == latest && isVersioned(connection.jdbc())) {
            return;
        }
        connection.inTransaction(() -> {
            Connection c = connection.jdbc();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL, gigawatt_version VARCHAR)");
            }
            for (int v = recorded(c) + 1; v <= found; v++) {
                // Reached before versions were recorded: which build did it is unknown.
                insertVersion(c, v, null);
            }
            for (Migration m : migrations) {
                if (m.version() > found) {
                    try (Statement s = c.createStatement()) {
                        s.execute(m.sql());
                    }
                    insertVersion(c, m.version(), GigawattVersion.get());
                }
            }
            long pause = Long.getLong("gigawatt.store.pauseInMigrationMillis", 0);
            if (pause > 0) {
                // Test hook: hold the migration's transaction open so tests can kill the process in it.
                StoreConnection.sleep(pause);
            }
        });
    }

    /** Refuses a database whose schema is newer than this build's; a read-only open migrates nothing. */
    static void checkReadable(StoreConnection connection) throws SQLException {
        refuseNewer(connection, version(connection.jdbc()), CURRENT);
    }

    /** The schema version of the database: 0 when it has no tables yet. */
    static int version(Connection c) throws SQLException {
        if (isVersioned(c)) {
            return recorded(c);
        }
        if (!tableExists(c, "runs")) {
            return 0;
        }
        return columns(c, "jobs").contains("useful_gpu_hours") ? 2 : 1;
    }

    private static boolean isVersioned(Connection c) throws SQLException {
        return tableExists(c, "schema_version") && recorded(c) > 0;
    }

    private static void refuseNewer(StoreConnection connection, int found, int latest) {
        if (found > latest) {
            throw new StoreException(
                    "the results database " + connection.file() + " was written by a newer gigawatt (schema " + found
                            + "); this one reads up to " + latest + ": use that gigawatt or another --db",
                    null);
        }
    }

    private static void checkColumns(StoreConnection connection) throws SQLException {
        for (Map.Entry<String, List<String>> t : TableColumns.TABLES.entrySet()) {
            List<String> actual = columns(connection.jdbc(), t.getKey());
            if (!actual.equals(t.getValue())) {
                throw new StoreException(
                        "the results database " + connection.file() + " has table " + t.getKey() + " with columns "
                                + actual + " where schema " + CURRENT + " has " + t.getValue()
                                + "; was it changed by another program?",
                        null);
            }
        }
    }

    private static int recorded(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void insertVersion(Connection c, int version, String gigawattVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_version (version, applied_at, gigawatt_version) VALUES (?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setTimestamp(
                    2, Timestamp.valueOf(Instant.now().atOffset(ZoneOffset.UTC).toLocalDateTime()));
            ps.setString(3, gigawattVersion);
            ps.executeUpdate();
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM information_schema.tables" + " WHERE table_schema = 'main' AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The columns of {@code table} in their order; empty when there is no such table. */
    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
