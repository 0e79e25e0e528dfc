package dev.gigawatt.results;

import dev.gigawatt.plan.Plan;
import dev.gigawatt.report.GigawattVersion;
import dev.gigawatt.report.Kpis;
import dev.gigawatt.report.PlanJson;
import dev.gigawatt.report.SimulationJson;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.SimulationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The results database: every {@code plan} and {@code simulate} run, recorded in an embedded
 * DuckDB file. A run is written in one transaction whose last statement inserts its {@code runs}
 * row, so a run that fails or is killed leaves nothing visible; a second writer waits for the lock
 * and then fails with {@link StoreBusyException}, never corrupting the file.
 */
public final class ResultsStore implements AutoCloseable {
    /** Default location of the database, relative to the working directory. */
    public static final Path DEFAULT_PATH = Path.of("runs", "gigawatt.duckdb");

    private static final String[] RUN_TABLES = {
        "kpis", "site_hourly", "jobs", "job_events", "services", "sources", "sweep_points", "sweep_runs"
    };

    /** The tables {@link #exportParquet} writes, each as {@code <table>.parquet}. */
    private static final List<String> EXPORTED_TABLES =
            List.of("site_hourly", "jobs", "job_events", "services", "kpis", "sweep_points", "sweep_runs");

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private final boolean sandboxed;

    private ResultsStore(Path file, Connection connection, boolean readOnly, boolean sandboxed) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.sandboxed = sandboxed;
    }

    /**
     * Opens (creating when writable) the database at {@code file}.
     *
     * @param readOnly open for queries only; several readers may share the file
     * @throws StoreBusyException when another process holds it for writing past the lock wait
     */
    public static ResultsStore open(Path file, boolean readOnly) {
        return open(file, readOnly, new Properties());
    }

    /**
     * Opens the database at {@code file} read-only for untrusted SQL through {@link #query(String,
     * long, Duration, RowSink)}: no access to other files, the network or extensions, and the settings
     * locked, so none of this can be switched back on.
     *
     * @throws StoreBusyException when another process holds it for writing past the lock wait
     */
    public static ResultsStore openForQuery(Path file) {
        Properties sandbox = new Properties();
        sandbox.setProperty("enable_external_access", "false");
        sandbox.setProperty("autoinstall_known_extensions", "false");
        sandbox.setProperty("autoload_known_extensions", "false");
        sandbox.setProperty("allow_community_extensions", "false");
        sandbox.setProperty("lock_configuration", "true");
        return open(file, true, sandbox);
    }

    private static ResultsStore open(Path file, boolean readOnly, Properties sandbox) {
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
                props.putAll(sandbox);
                if (readOnly) {
                    props.setProperty("duckdb.read_only", "true");
                }
                Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
                ResultsStore store = new ResultsStore(file, c, readOnly, !sandbox.isEmpty());
                if (!readOnly) {
                    store.createSchema();
                }
                return store;
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

    /** The database file. */
    public Path file() {
        return file;
    }

    private void createSchema() throws SQLException {
        String ddl;
        try (InputStream in = ResultsStore.class.getResourceAsStream("schema.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement s = connection.createStatement()) {
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            // Rows of runs that never committed their runs row (older crashes) are invisible; drop them.
            for (String table : RUN_TABLES) {
                s.execute("DELETE FROM " + table + " WHERE run_id NOT IN (SELECT run_id FROM runs)");
            }
        }
    }

    /**
     * Work done inside a run's transaction just before it commits, given the run id: writing the
     * run's report and exports from the rows this connection has written but not yet committed. If
     * it fails, the run is rolled back.
     */
    @FunctionalInterface
    public interface BeforeCommit {
        /** Does the work for the run {@code runId}. */
        void run(String runId) throws IOException;

        /** Nothing to do. */
        BeforeCommit NOTHING = id -> {};
    }

    /** Records a simulation run in one transaction and returns its run id. */
    public String recordSimulation(RunInfo info, Scenario scenario, SimulationResult result) {
        return recordSimulation(info, scenario, result, BeforeCommit.NOTHING);
    }

    /** Records a simulation run in one transaction, doing {@code beforeCommit} last, and returns its run id. */
    public String recordSimulation(
            RunInfo info, Scenario scenario, SimulationResult result, BeforeCommit beforeCommit) {
        String runId = newRunId(info);
        write(runId, beforeCommit, () -> {
            RunWriter w = new RunWriter(connection, runId);
            w.simulation(result);
            w.kpis(Kpis.of(result));
            w.sources(scenario);
            insertRun(
                    runId,
                    "simulate",
                    info,
                    scenario,
                    result.seed(),
                    result.replication(),
                    scenario.simulation().scheduler(),
                    SimulationJson.write(result));
            w.setTimes(result.start());
        });
        return runId;
    }

    /** Records a plan in one transaction and returns its run id. */
    public String recordPlan(RunInfo info, Scenario scenario, Plan plan) {
        return recordPlan(info, scenario, plan, BeforeCommit.NOTHING);
    }

    /** Records a plan in one transaction, doing {@code beforeCommit} last, and returns its run id. */
    public String recordPlan(RunInfo info, Scenario scenario, Plan plan, BeforeCommit beforeCommit) {
        String runId = newRunId(info);
        write(runId, beforeCommit, () -> {
            RunWriter w = new RunWriter(connection, runId);
            w.kpis(Kpis.of(plan));
            w.sources(scenario);
            insertRun(runId, "plan", info, scenario, scenario.seed(), 0, "", PlanJson.write(plan));
        });
        return runId;
    }

    /**
     * Records a sweep in one transaction and returns its run id.
     *
     * @param info the sweep file's name and text stand in for the scenario's
     */
    public String recordSweep(RunInfo info, dev.gigawatt.sweep.SweepResult result, String baseScenarioName) {
        return recordSweep(info, result, baseScenarioName, BeforeCommit.NOTHING);
    }

    /** Records a sweep in one transaction, doing {@code beforeCommit} last, and returns its run id. */
    public String recordSweep(
            RunInfo info, dev.gigawatt.sweep.SweepResult result, String baseScenarioName, BeforeCommit beforeCommit) {
        String runId = newRunId(info);
        write(runId, beforeCommit, () -> {
            RunWriter w = new RunWriter(connection, runId);
            w.sweep(result);
            List<Kpis.Kpi> kpis = new ArrayList<>();
            for (String output : result.outputs()) {
                var s = result.summary(output);
                kpis.add(new Kpis.Kpi(output + ".mean", s.mean(), ""));
                kpis.add(new Kpis.Kpi(output + ".p10", s.p10(), ""));
                kpis.add(new Kpis.Kpi(output + ".p50", s.p50(), ""));
                kpis.add(new Kpis.Kpi(output + ".p90", s.p90(), ""));
            }
            w.kpis(kpis);
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO runs VALUES (?, 'sweep', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 'complete', ?)")) {
                ps.setString(1, runId);
                ps.setString(2, result.spec().name() + " (" + baseScenarioName + ")");
                ps.setString(3, info.scenarioFile());
                ps.setString(4, sha256(info.scenarioText()));
                ps.setString(5, info.scenarioText());
                ps.setLong(6, result.spec().seed());
                ps.setString(7, result.spec().mode() + "/" + result.spec().design());
                ps.setString(8, GigawattVersion.get());
                ps.setTimestamp(
                        9,
                        Timestamp.valueOf(
                                info.started().atOffset(ZoneOffset.UTC).toLocalDateTime()));
                ps.setTimestamp(
                        10,
                        Timestamp.valueOf(
                                info.finished().atOffset(ZoneOffset.UTC).toLocalDateTime()));
                ps.setString(11, dev.gigawatt.report.SweepJson.write(result));
                ps.executeUpdate();
            }
        });
        return runId;
    }

    /** A unit of writing that may throw SQL errors. */
    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private void write(String runId, SqlWork work) {
        write(runId, BeforeCommit.NOTHING, work);
    }

    private void write(String runId, BeforeCommit beforeCommit, SqlWork work) {
        if (readOnly) {
            throw new IllegalStateException("the results database was opened read-only");
        }
        try {
            connection.setAutoCommit(false);
            try {
                // The driver opens the transaction at the first statement, and appenders do not count:
                // start it now so that every appended row belongs to it.
                try (Statement begin = connection.createStatement()) {
                    begin.execute("SELECT 1");
                }
                work.run();
                try {
                    beforeCommit.run(runId);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                long pause = Long.getLong("gigawatt.store.pauseBeforeCommitMillis", 0);
                if (pause > 0) {
                    // Test hook: hold the transaction open so tests can kill the process mid-write.
                    sleep(pause);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not record run " + runId + " in " + file + ": " + firstLine(e), e);
        }
    }

    private void insertRun(
            String runId,
            String kind,
            RunInfo info,
            Scenario scenario,
            long seed,
            long replication,
            String scheduler,
            String summaryJson)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete', ?)")) {
            ps.setString(1, runId);
            ps.setString(2, kind);
            ps.setString(3, scenario.name());
            ps.setString(4, info.scenarioFile());
            ps.setString(5, sha256(info.scenarioText()));
            ps.setString(6, info.scenarioText());
            ps.setLong(7, seed);
            ps.setLong(8, replication);
            ps.setString(9, scheduler);
            ps.setString(10, GigawattVersion.get());
            ps.setTimestamp(
                    11,
                    Timestamp.valueOf(info.started().atOffset(ZoneOffset.UTC).toLocalDateTime()));
            ps.setTimestamp(
                    12,
                    Timestamp.valueOf(info.finished().atOffset(ZoneOffset.UTC).toLocalDateTime()));
            ps.setString(13, summaryJson);
            ps.executeUpdate();
        }
    }

    /** Every run, newest first. */
    public List<RunSummary> runs() {
        return selectRuns("SELECT * FROM runs ORDER BY started_at DESC, run_id DESC", null);
    }

    /** The run whose id is {@code idOrPrefix} or starts with it (when unambiguous). */
    public Optional<RunSummary> run(String idOrPrefix) {
        List<RunSummary> matches =
                selectRuns("SELECT * FROM runs WHERE run_id LIKE ? ORDER BY run_id", idOrPrefix + "%");
        for (RunSummary r : matches) {
            if (r.runId().equals(idOrPrefix)) {
                return Optional.of(r);
            }
        }
        if (matches.size() > 1) {
            throw new StoreException("run id prefix '" + idOrPrefix + "' matches " + matches.size() + " runs", null);
        }
        return matches.stream().findFirst();
    }

    /** Deletes a run and all its rows in one transaction; false when no such run exists. */
    public boolean remove(String runId) {
        boolean[] removed = {false};
        write(runId, () -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM runs WHERE run_id = ?")) {
                ps.setString(1, runId);
                removed[0] = ps.executeUpdate() > 0;
            }
            for (String table : RUN_TABLES) {
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    ps.setString(1, runId);
                    ps.executeUpdate();
                }
            }
        });
        return removed[0];
    }

    /** The KPIs of a run, in recording order. */
    public List<Kpis.Kpi> kpis(String runId) {
        List<Kpis.Kpi> out = new ArrayList<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT name, value, unit FROM kpis WHERE run_id = ? ORDER BY rowid")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(2);
                    out.add(new Kpis.Kpi(rs.getString(1), rs.wasNull() ? Double.NaN : v, rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read KPIs: " + firstLine(e), e);
        }
        return out;
    }

    /** The summary JSON and scenario text of a run: [summaryJson, scenarioText]. */
    public String[] summary(String runId) {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT summary_json, scenario_text FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("no run " + runId, null);
                }
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read run " + runId + ": " + firstLine(e), e);
        }
    }

    /**
     * Runs one untrusted read-only statement and passes its rows to {@code sink}, at most {@code
     * maxRows} of them, counting the rest without keeping them; the store must come from {@link
     * #openForQuery}. Several statements, and any statement but SELECT (with WITH, VALUES, FROM,
     * DESCRIBE, SHOW, SUMMARIZE), EXPLAIN or a read-only PRAGMA, are refused before anything runs.
     *
     * @param maxRows rows to pass on; 0 for all, which DuckDB then holds in memory at once
     * @param timeout how long the statement may run, printing and counting included
     * @throws StoreException when the SQL is refused or fails, the message in one line
     * @throws QueryCancelledException when it runs past {@code timeout} before its rows are out
     */
    public QueryOutcome query(String sql, long maxRows, Duration timeout, RowSink sink) {
        if (!sandboxed) {
            throw new IllegalStateException("untrusted SQL needs a store opened with openForQuery");
        }
        return ReadOnlyQuery.run(connection, sql, maxRows, timeout, sink);
    }

    /**
     * Runs trusted SQL (gigawatt's own, tests) and returns its whole result; on a read-only store any
     * statement that writes fails. Untrusted SQL goes through {@link #query(String, long, Duration,
     * RowSink)}.
     */
    public QueryResult query(String sql) {
        try (Statement s = connection.createStatement()) {
            if (!s.execute(sql)) {
                return new QueryResult(List.of("rows changed"), List.of(List.of(String.valueOf(s.getUpdateCount()))));
            }
            try (ResultSet rs = s.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    columns.add(rs.getMetaData().getColumnLabel(i));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v == null ? null : v.toString());
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }
        } catch (SQLException e) {
            throw new StoreException(firstLine(e), e);
        }
    }

    /** The names of the files {@link #exportParquet} writes. */
    public static List<String> exportFileNames() {
        return EXPORTED_TABLES.stream().map(t -> t + ".parquet").toList();
    }

    /**
     * Writes a run's tables as Parquet files into {@code dir} (created if needed); tables the run has
     * no rows in (a plan has no hourly series, a simulation no sweep rows) are written empty.
     */
    public List<Path> exportParquet(String runId, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            try (Statement s = connection.createStatement()) {
                for (String table : EXPORTED_TABLES) {
                    Path target = dir.resolve(table + ".parquet").toAbsolutePath();
                    s.execute("COPY (SELECT * FROM " + table + " WHERE run_id = '" + runId.replace("'", "''")
                            + "' ORDER BY ALL) TO '" + target.toString().replace("'", "''") + "' (FORMAT PARQUET)");
                    written.add(target);
                }
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot export run " + runId + " to Parquet: " + e.getMessage(), e);
        }
        return written;
    }

    Connection connection() {
        return connection;
    }

    private List<RunSummary> selectRuns(String sql, String parameter) {
        List<RunSummary> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunSummary(
                            rs.getString("run_id"),
                            rs.getString("kind"),
                            rs.getString("scenario"),
                            rs.getString("scenario_file"),
                            rs.getString("scenario_sha256"),
                            rs.getLong("seed"),
                            rs.getLong("replication"),
                            rs.getString("gigawatt_version"),
                            rs.getTimestamp("started_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                            rs.getTimestamp("finished_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                            rs.getString("status")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list runs: " + firstLine(e), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + firstLine(e), e);
        }
    }

    private static String newRunId(RunInfo info) {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .format(info.started().atOffset(ZoneOffset.UTC)) + "-"
                + HexFormat.of().formatHex(random);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isLockConflict(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Could not set lock") || m.contains("Conflicting lock");
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted", e);
        }
    }
}
