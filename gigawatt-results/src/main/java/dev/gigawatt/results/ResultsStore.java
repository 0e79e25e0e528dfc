package dev.gigawatt.results;

import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The results database: every {@code plan}, {@code simulate} and {@code sweep} run, recorded in an
 * embedded DuckDB file. A run is written in one transaction whose last statement inserts its {@code
 * runs} row, so a run that fails or is killed leaves nothing visible; a second writer waits for the
 * lock and then fails with {@link StoreBusyException}, never corrupting the file.
 */
public final class ResultsStore implements AutoCloseable {
    /*
     * This class is the door; the rooms are StoreConnection (opening, the lock wait, transactions),
     * SchemaMigrations (the schema version and the steps from one version to the next), RunRecorder
     * (writing and removing runs, rows through RunWriter) and RunQueries (reading them back).
     */

    /** Default location of the database, relative to the working directory. */
    public static final Path DEFAULT_PATH = Path.of("runs", "gigawatt.duckdb");

    private final StoreConnection connection;
    private final RunRecorder recorder;
    private final RunQueries queries;

    private ResultsStore(StoreConnection connection) {
        this.connection = connection;
        this.recorder = new RunRecorder(connection);
        this.queries = new RunQueries(connection);
    }

    /**
     * Opens (creating and migrating to this build's schema when writable) the database at {@code file}.
     *
     * @param readOnly open for queries only; several readers may share the file
     * @throws StoreBusyException when another process holds it for writing past the lock wait
     * @throws StoreException when it cannot be opened, e.g. it was written by a newer gigawatt
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
        return open(file, true, StoreConnection.sandbox());
    }

    private static ResultsStore open(Path file, boolean readOnly, Properties settings) {
        StoreConnection connection = StoreConnection.open(file, readOnly, settings);
        try {
            if (readOnly) {
                SchemaMigrations.checkReadable(connection);
            } else {
                SchemaMigrations.migrate(connection);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(
                    "cannot open the results database " + file + ": " + StoreConnection.firstLine(e), e);
        }
        return new ResultsStore(connection);
    }

    /** The database file. */
    public Path file() {
        return connection.file();
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
        return recorder.simulation(info, scenario, result, beforeCommit);
    }

    /** Records a plan in one transaction and returns its run id. */
    public String recordPlan(RunInfo info, Scenario scenario, Plan plan) {
        return recordPlan(info, scenario, plan, BeforeCommit.NOTHING);
    }

    /** Records a plan in one transaction, doing {@code beforeCommit} last, and returns its run id. */
    public String recordPlan(RunInfo info, Scenario scenario, Plan plan, BeforeCommit beforeCommit) {
        return recorder.plan(info, scenario, plan, beforeCommit);
    }

    /**
     * Records an optimiser run in one transaction, doing {@code beforeCommit} last, and returns its run
     * id: the planner's answer for the plan it chose, with its KPIs and {@code extraKpis}, and
     * {@code optimizeJson} (the optimiser's own answer, a JSON object) as the summary's {@code optimize}
     * field.
     *
     * @param chosen the plan the optimiser wrote, read as a scenario
     * @param info the input file's name and text (the scenario with its {@code optimize:} section)
     */
    public String recordOptimization(
            RunInfo info,
            Scenario chosen,
            Plan plan,
            String optimizeJson,
            List<Kpis.Kpi> extraKpis,
            BeforeCommit beforeCommit) {
        return recorder.optimization(info, chosen, plan, optimizeJson, extraKpis, beforeCommit);
    }

    /**
     * Records a sweep in one transaction and returns its run id.
     *
     * @param info the sweep file's name and text stand in for the scenario's
     */
    public String recordSweep(RunInfo info, SweepResult result, String baseScenarioName) {
        return recordSweep(info, result, baseScenarioName, BeforeCommit.NOTHING);
    }

    /** Records a sweep in one transaction, doing {@code beforeCommit} last, and returns its run id. */
    public String recordSweep(RunInfo info, SweepResult result, String baseScenarioName, BeforeCommit beforeCommit) {
        return recorder.sweep(info, result, baseScenarioName, beforeCommit);
    }

    /**
     * Starts recording a streamed sweep: its points and a {@code runs} row with status {@code partial}
     * in one transaction; returns the run id. Finished runs follow with {@link #appendSweepRuns}, and
     * {@link #finishSweep} completes it.
     *
     * @param baseSha256 SHA-256 of the base scenario's text, checked when the sweep is resumed
     */
    public String beginSweep(
            RunInfo info, SweepSpec spec, List<SweepPoint> points, String baseScenarioName, String baseSha256) {
        return recorder.beginSweep(info, spec, points, baseScenarioName, baseSha256);
    }

    /** Records the KPIs of finished runs of a partial sweep in one transaction. */
    public void appendSweepRuns(String runId, List<SweepRun> runs) {
        recorder.appendSweepRuns(runId, runs);
    }

    /** The recorded runs of a sweep, by point then replication. */
    public List<SweepRun> sweepRuns(String runId) {
        return queries.sweepRuns(runId);
    }

    /**
     * Completes a partial sweep in one transaction: its summary KPIs and summary JSON, status {@code
     * complete}, its finish time, and {@code beforeCommit} last.
     */
    public void finishSweep(String runId, Instant finished, SweepResult result, BeforeCommit beforeCommit) {
        recorder.finishSweep(runId, finished, result, beforeCommit);
    }

    /** The summary JSON a partial sweep is recorded with while its base scenario has SHA-256 {@code baseSha256}. */
    public static String partialSweepSummary(String baseSha256) {
        return RunRecorder.partialSummary(baseSha256);
    }

    /** SHA-256 of {@code text} in UTF-8, as lower-case hex (the runs table's {@code scenario_sha256}). */
    public static String sha256(String text) {
        return RunRecorder.sha256(text);
    }

    /** Deletes a run and all its rows in one transaction; false when no such run exists. */
    public boolean remove(String runId) {
        return recorder.remove(runId);
    }

    /** Every run, newest first. */
    public List<RunSummary> runs() {
        return queries.runs();
    }

    /** The run whose id is {@code idOrPrefix} or starts with it (when unambiguous). */
    public Optional<RunSummary> run(String idOrPrefix) {
        return queries.run(idOrPrefix);
    }

    /** The KPIs of a run, in recording order. */
    public List<Kpis.Kpi> kpis(String runId) {
        return queries.kpis(runId);
    }

    /** The summary JSON and scenario text of a run: [summaryJson, scenarioText]. */
    public String[] summary(String runId) {
        return queries.summary(runId);
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
        if (!connection.sandboxed()) {
            throw new IllegalStateException("untrusted SQL needs a store opened with openForQuery");
        }
        return ReadOnlyQuery.run(connection.jdbc(), sql, maxRows, timeout, sink);
    }

    /**
     * Runs trusted SQL (gigawatt's own, tests) and returns its whole result; on a read-only store any
     * statement that writes fails. Untrusted SQL goes through {@link #query(String, long, Duration,
     * RowSink)}.
     */
    public QueryResult query(String sql) {
        return queries.trusted(sql);
    }

    /** The names of the files {@link #exportParquet} writes. */
    public static List<String> exportFileNames() {
        return RunQueries.EXPORTED_TABLES.stream().map(t -> t + ".parquet").toList();
    }

    /**
     * Writes a run's tables as Parquet files into {@code dir} (created if needed); tables the run has
     * no rows in (a plan has no hourly series, a simulation no sweep rows) are written empty.
     */
    public List<Path> exportParquet(String runId, Path dir) {
        return queries.exportParquet(runId, dir);
    }

    /** The tables {@link #exportTable} writes, in the order {@link #exportParquet} writes them. */
    public static List<String> exportedTables() {
        return RunQueries.EXPORTED_TABLES;
    }

    /**
     * Writes one of a run's tables ({@link #exportedTables()}) to {@code file} in {@code format}, its rows
     * sorted by every column; empty (a header only, an empty array) when the run has no rows in it.
     *
     * @throws IllegalArgumentException when {@code table} is not one of {@link #exportedTables()}
     */
    public void exportTable(String runId, String table, ExportFormat format, Path file) {
        queries.exportTable(runId, table, format, file);
    }

    Connection connection() {
        return connection.jdbc();
    }

    @Override
    public void close() {
        connection.close();
    }
}
