package dev.gigawatt.results;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One untrusted read-only statement, run against a sandboxed connection under a time limit, its rows
 * passed to a {@link RowSink} up to a row limit and the rest counted, not kept.
 */
final class ReadOnlyQuery {
    /*
     * DuckDB can cancel a statement only while the JDBC driver executes it, not while a streamed
     * result is fetched: a streamed query that has sent its first rows and then grinds on in a fetch
     * cannot be stopped. So every result here is materialised, which puts all the work inside the
     * cancellable execution, and memory is bounded by asking DuckDB for one row past the limit
     * (SELECT * FROM (...) LIMIT n + 1). When that extra row exists, a second statement,
     * SELECT count(*) FROM (...), counts the rows in the time left; if the time runs out there, the
     * rows already printed stand and the count is reported as unknown.
     */

    private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+$");

    private final Connection connection;
    private final long maxRows;
    private final Duration timeout;
    private final RowSink sink;

    private ReadOnlyQuery(Connection connection, long maxRows, Duration timeout, RowSink sink) {
        this.connection = connection;
        this.maxRows = maxRows;
        this.timeout = timeout;
        this.sink = sink;
    }

    /**
     * Checks and runs {@code sql}.
     *
     * @param maxRows rows to pass to the sink; 0 for all (DuckDB then holds the whole result)
     * @param timeout how long the statement may run, printing and counting included
     * @throws StoreException when the SQL is refused or fails
     * @throws QueryCancelledException when the time limit ends it before its rows are out
     */
    static QueryOutcome run(Connection connection, String sql, long maxRows, Duration timeout, RowSink sink) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be 0 (all) or positive, got " + maxRows);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        try {
            return new ReadOnlyQuery(connection, maxRows, timeout, sink).run(sql);
        } catch (SQLException e) {
            throw new StoreException(StoreConnection.firstLine(e), e);
        }
    }

    private QueryOutcome run(String sql) throws SQLException {
        ReadOnlyStatements.Kind kind = ReadOnlyStatements.check(connection, sql);
        String body = kind == ReadOnlyStatements.Kind.SELECT && maxRows > 0 ? subquery(sql) : null;
        String shown = body == null ? sql : checked("SELECT * FROM (\n" + body + "\n) LIMIT " + (maxRows + 1));
        String counted = body == null ? null : checked("SELECT count(*) FROM (\n" + body + "\n)");
        try (Statement statement = connection.createStatement();
                Watchdog watchdog = Watchdog.cancelAfter(statement, timeout)) {
            long[] rowsAndMore;
            try {
                rowsAndMore = show(statement, shown, watchdog);
            } catch (SQLException e) {
                if (watchdog.fired()) {
                    throw new QueryCancelledException(timeout, e);
                }
                throw e;
            }
            long rows = rowsAndMore[0];
            long more = rowsAndMore[1];
            if (counted == null || more == 0) {
                return new QueryOutcome(rows, more, true);
            }
            try (ResultSet rs = statement.executeQuery(counted)) {
                rs.next();
                // A query that is not deterministic may count fewer the second time; one more row was seen.
                return new QueryOutcome(rows, Math.max(1, rs.getLong(1) - rows), true);
            } catch (SQLException e) {
                if (watchdog.fired()) {
                    return new QueryOutcome(rows, more, false);
                }
                throw e;
            }
        }
    }

    /**
     * The SELECT as the body of a subquery: as written without trailing semicolons, or else as DuckDB
     * prints it back (a trailing comment after the semicolon, say).
     */
    private String subquery(String sql) throws SQLException {
        String trimmed = TRAILING_SEMICOLONS.matcher(sql).replaceFirst("");
        if (ReadOnlyStatements.isOneSelect(connection, "SELECT * FROM (\n" + trimmed + "\n)")) {
            return trimmed;
        }
        String canonical = ReadOnlyStatements.canonical(connection, sql);
        if (canonical != null && ReadOnlyStatements.isOneSelect(connection, "SELECT * FROM (\n" + canonical + "\n)")) {
            return canonical;
        }
        throw new StoreException("cannot apply the row limit to this statement; try --limit 0", null);
    }

    /** {@code sql} itself, once DuckDB's parser has read it as exactly one SELECT. */
    private String checked(String sql) throws SQLException {
        if (!ReadOnlyStatements.isOneSelect(connection, sql)) {
            throw new StoreException("cannot apply the row limit to this statement; try --limit 0", null);
        }
        return sql;
    }

    /** Passes up to {@code maxRows} rows to the sink and counts the rest; returns both counts. */
    private long[] show(Statement statement, String sql, Watchdog watchdog) throws SQLException {
        if (!statement.execute(sql)) {
            sink.columns(List.of());
            return new long[] {0, 0};
        }
        try (ResultSet rs = statement.getResultSet()) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<String> columns = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                columns.add(meta.getColumnLabel(i));
            }
            sink.columns(columns);
            long rows = 0;
            while ((maxRows == 0 || rows < maxRows) && rs.next()) {
                if (watchdog.fired()) {
                    // Printing a whole result (--limit 0) counts against the time limit too.
                    throw new SQLException("cancelled while printing");
                }
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                sink.row(row);
                rows++;
            }
            long more = 0;
            while (rs.next()) {
                more++;
            }
            return new long[] {rows, more};
        }
    }

    /**
     * A daemon thread that cancels a statement when the time is up, and again every few
     * milliseconds until closed: the driver ignores a cancel that falls between two executions.
     */
    private static final class Watchdog implements AutoCloseable {
        private static final long RETRY_MILLIS = 20;

        private final Statement statement;
        private final Thread thread;
        private boolean closed;
        private boolean fired;

        private Watchdog(Statement statement, Duration timeout) {
            this.statement = statement;
            this.thread = new Thread(() -> cancelWhenDue(timeout), "gigawatt-query-timeout");
            thread.setDaemon(true);
        }

        static Watchdog cancelAfter(Statement statement, Duration timeout) {
            Watchdog w = new Watchdog(statement, timeout);
            w.thread.start();
            return w;
        }

        private void cancelWhenDue(Duration timeout) {
            try {
                Thread.sleep(timeout.toMillis(), timeout.toNanosPart() % 1_000_000);
                while (cancel()) {
                    Thread.sleep(RETRY_MILLIS);
                }
            } catch (InterruptedException e) {
                // Closed: the statement finished in time.
            }
        }

        /** Cancels the statement unless closed; false once closed. */
        private synchronized boolean cancel() {
            if (closed) {
                return false;
            }
            fired = true;
            try {
                statement.cancel();
            } catch (SQLException e) {
                // Nothing running to cancel right now.
            }
            return true;
        }

        synchronized boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            thread.interrupt();
        }
    }
}
