package dev.gigawatt.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The JDBC connection to the results database: opened with the lock wait, read-only or sandboxed as
 * asked, and the one place transactions begin and end.
 */
final class StoreConnection implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private final boolean sandboxed;

    private StoreConnection(Path file, Connection connection, boolean readOnly, boolean sandboxed) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.sandboxed = sandboxed;
    }

    /** The DuckDB settings that keep untrusted SQL inside the database file, locked against {@code SET}. */
    static Properties sandbox() {
        Properties sandbox = new Properties();
        sandbox.setProperty("enable_external_access", "false");
        sandbox.setProperty("autoinstall_known_extensions", "false");
        sandbox.setProperty("autoload_known_extensions", "false");
        sandbox.setProperty("allow_community_extensions", "false");
        sandbox.setProperty("lock_configuration", "true");
        return sandbox;
    }

    /**
     * Opens {@code file} (creating it and its folder when writable), waiting up to the system property
     * {@code gigawatt.store.lockWaitMillis} (default 10 s) for another process's lock.
     *
     * @param settings DuckDB settings, {@link #sandbox()} or none
     * @throws StoreBusyException when the lock is still held after the wait
     */
    static StoreConnection open(Path file, boolean readOnly, Properties settings) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new StoreException("the DuckDB JDBC driver is missing from the class path", e);
        }
        if (readOnly && !Files.exists(file)) {
            throw new StoreException(
                    "no results database at " + file + " (run 'gigawatt simulate' or 'gigawatt plan' first)", null);
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        long lockWaitMillis = Long.getLong("gigawatt.store.lockWaitMillis", 10_000);
        long deadline = System.currentTimeMillis() + lockWaitMillis;
        while (true) {
            try {
                Properties props = new Properties();
                props.putAll(settings);
                if (readOnly) {
                    props.setProperty("duckdb.read_only", "true");
                }
                Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
                return new StoreConnection(file, c, readOnly, !settings.isEmpty());
            } catch (SQLException e) {
                if (!isLockConflict(e)) {
                    throw new StoreException("cannot open the results database " + file + ": " + firstLine(e), e);
                }
                if (System.currentTimeMillis() >= deadline) {
                    throw new StoreBusyException(
                            "database busy: another gigawatt process is using " + file
                                    + "; try again when it has finished (waited " + lockWaitMillis / 1000 + " s)",
                            e);
                }
                sleep(200);
            }
        }
    }

    Path file() {
        return file;
    }

    Connection jdbc() {
        return connection;
    }

    boolean readOnly() {
        return readOnly;
    }

    boolean sandboxed() {
        return sandboxed;
    }

    /** A unit of work that may throw SQL errors. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws, so a
     * process killed inside it leaves the database as it was.
     */
    void inTransaction(SqlWork work) throws SQLException {
        if (readOnly) {
            throw new IllegalStateException("the results database was opened read-only");
        }
        connection.setAutoCommit(false);
        try {
            // The driver opens the transaction at the first statement, and appenders do not count:
            // start it now so that every appended row belongs to it.
            try (Statement begin = connection.createStatement()) {
                begin.execute("SELECT 1");
            }
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + firstLine(e), e);
        }
    }

    private static boolean isLockConflict(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Could not set lock") || m.contains("Conflicting lock");
    }

    /**
     * The first line of an exception's message: DuckDB's messages go on with context lines. Where
     * DuckDB 1.5's driver wraps the error of a statement that failed while running ("... unsuccessful
     * or closed pending query result", then "Error: " and the cause), the cause's line.
     */
    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        if (nl >= 0 && m.substring(0, nl).endsWith("unsuccessful or closed pending query result")) {
            String rest = m.substring(nl + 1);
            if (rest.startsWith("Error: ")) {
                return firstLine(new IllegalStateException(rest.substring("Error: ".length())));
            }
        }
        return nl < 0 ? m : m.substring(0, nl);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted", e);
        }
    }
}
