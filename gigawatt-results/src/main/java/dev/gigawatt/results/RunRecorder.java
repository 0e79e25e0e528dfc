package dev.gigawatt.results;

import dev.gigawatt.input.Text;
import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.report.PlanJson;
import dev.gigawatt.report.SimulationJson;
import dev.gigawatt.report.SweepJson;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes runs into the results database, each in one transaction whose last statement inserts its
 * {@code runs} row, and removes them.
 */
final class RunRecorder {
    private final StoreConnection connection;

    RunRecorder(StoreConnection connection) {
        this.connection = connection;
    }

    String simulation(
            RunInfo info, Scenario scenario, SimulationResult result, ResultsStore.BeforeCommit beforeCommit) {
        String runId = newRunId(info);
        write(runId, beforeCommit, () -> {
            RunWriter w = new RunWriter(connection.jdbc(), runId);
            w.simulation(result);
            w.kpis(Kpis.of(result));
            w.sources(scenario);
            insertRun(new RunRow(
                    runId,
                    "simulate",
                    scenario.name(),
                    info,
                    result.seed(),
                    result.replication(),
                    scenario.simulation().scheduler(),
                    SimulationJson.write(result)));
            w.setTimes(result.start());
        });
        return runId;
    }

    String plan(RunInfo info, Scenario scenario, Plan plan, ResultsStore.BeforeCommit beforeCommit) {
        String runId = newRunId(info);
        write(runId, beforeCommit, () -> {
            RunWriter w = new RunWriter(connection.jdbc(), runId);
            w.kpis(Kpis.of(plan));
            w.sources(scenario);
            insertRun(new RunRow(runId, "plan", scenario.name(), info, scenario.seed(), 0, "", PlanJson.write(plan)));
        });
        return runId;
    }

    String optimization(
            RunInfo info,
            Scenario chosen,
            Plan plan,
            String optimizeJson,
            List<Kpis.Kpi> extraKpis,
            ResultsStore.BeforeCommit beforeCommit) {
        String runId = newRunId(info);
        String planJson = PlanJson.write(plan);
        int end = planJson.lastIndexOf('}');
        String summary = planJson.substring(0, end).stripTrailing() + ",\n  \"optimize\" : " + optimizeJson + "\n}\n";
        write(runId, beforeCommit, () -> {
            RunWriter w = new RunWriter(connection.jdbc(), runId);
            List<Kpis.Kpi> kpis = new ArrayList<>(Kpis.of(plan));
            kpis.addAll(extraKpis);
            w.kpis(kpis);
            w.sources(chosen);
            insertRun(new RunRow(runId, "optimize", chosen.name(), info, chosen.seed(), 0, "", summary));
        });
        return runId;
    }

    String sweep(RunInfo info, SweepResult result, String baseScenarioName, ResultsStore.BeforeCommit beforeCommit) {
        String runId = newRunId(info);
        write(runId, beforeCommit, () -> {
            RunWriter w = new RunWriter(connection.jdbc(), runId);
            w.sweep(result);
            w.kpis(sweepKpis(result));
            insertRun(new RunRow(
                    runId,
                    "sweep",
                    result.spec().name() + " (" + baseScenarioName + ")",
                    info,
                    result.spec().seed(),
                    0,
                    result.spec().mode() + "/" + result.spec().design(),
                    SweepJson.write(result)));
        });
        return runId;
    }

    /*
     * A streamed sweep is recorded in steps, each one transaction: its points with a runs row of
     * status "partial" (summary: the SHA-256 of the base scenario it runs), then the KPIs of each
     * batch of finished runs, then its KPIs, summary and report with the status set to "complete".
     * A crash loses at most the batch being written; what was committed is what --resume continues.
     */

    String beginSweep(
            RunInfo info, SweepSpec spec, List<SweepPoint> points, String baseScenarioName, String baseSha256) {
        String runId = newRunId(info);
        writeStep(runId, () -> {
            new RunWriter(connection.jdbc(), runId).sweepPoints(points);
            insertRun(new RunRow(
                    runId,
                    "sweep",
                    spec.name() + " (" + baseScenarioName + ")",
                    info,
                    spec.seed(),
                    0,
                    spec.mode() + "/" + spec.design(),
                    PARTIAL,
                    partialSummary(baseSha256)));
        });
        return runId;
    }

    void appendSweepRuns(String runId, List<SweepRun> runs) {
        writeStep(runId, () -> new RunWriter(connection.jdbc(), runId).sweepRuns(runs));
    }

    void finishSweep(String runId, Instant finished, SweepResult result, ResultsStore.BeforeCommit beforeCommit) {
        write(runId, beforeCommit, () -> {
            new RunWriter(connection.jdbc(), runId).kpis(sweepKpis(result));
            try (PreparedStatement ps = connection
                    .jdbc()
                    .prepareStatement(
                            "UPDATE runs SET finished_at = ?, status = ?, summary_json = ? WHERE run_id = ?")) {
                ps.setTimestamp(1, utc(finished));
                ps.setString(2, COMPLETE);
                ps.setString(3, SweepJson.write(result));
                ps.setString(4, runId);
                ps.executeUpdate();
            }
        });
    }

    static final String PARTIAL = "partial";
    static final String COMPLETE = "complete";

    static String partialSummary(String baseSha256) {
        return "{\"status\" : \"partial\", \"base_scenario_sha256\" : \"" + baseSha256 + "\"}";
    }

    private static List<Kpis.Kpi> sweepKpis(SweepResult result) {
        List<Kpis.Kpi> kpis = new ArrayList<>();
        for (String output : result.outputs()) {
            var s = result.summary(output);
            kpis.add(new Kpis.Kpi(output + ".mean", s.mean(), ""));
            kpis.add(new Kpis.Kpi(output + ".p10", s.p10(), ""));
            kpis.add(new Kpis.Kpi(output + ".p50", s.p50(), ""));
            kpis.add(new Kpis.Kpi(output + ".p90", s.p90(), ""));
        }
        return kpis;
    }

    /** Deletes a run and all its rows in one transaction; false when no such run exists. */
    boolean remove(String runId) {
        boolean[] removed = {false};
        write(runId, ResultsStore.BeforeCommit.NOTHING, () -> {
            try (PreparedStatement ps = connection.jdbc().prepareStatement("DELETE FROM runs WHERE run_id = ?")) {
                ps.setString(1, runId);
                removed[0] = ps.executeUpdate() > 0;
            }
            for (String table : TableColumns.RUN_TABLES) {
                try (PreparedStatement ps =
                        connection.jdbc().prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    ps.setString(1, runId);
                    ps.executeUpdate();
                }
            }
        });
        return removed[0];
    }

    private void write(String runId, ResultsStore.BeforeCommit beforeCommit, StoreConnection.SqlWork work) {
        write(runId, beforeCommit, work, true);
    }

    /** One step of a streamed sweep, before its final commit: the test hook does not pause it. */
    private void writeStep(String runId, StoreConnection.SqlWork work) {
        write(runId, ResultsStore.BeforeCommit.NOTHING, work, false);
    }

    private void write(
            String runId, ResultsStore.BeforeCommit beforeCommit, StoreConnection.SqlWork work, boolean finalCommit) {
        try {
            connection.inTransaction(() -> {
                work.run();
                try {
                    beforeCommit.run(runId);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                long pause = finalCommit ? Long.getLong("gigawatt.store.pauseBeforeCommitMillis", 0) : 0;
                if (pause > 0) {
                    // Test hook: hold the transaction open so tests can kill the process mid-write.
                    StoreConnection.sleep(pause);
                }
            });
        } catch (SQLException e) {
            throw new StoreException(
                    "could not record run " + runId + " in " + connection.file() + ": " + StoreConnection.firstLine(e),
                    e);
        }
    }

    /** A row of the {@code runs} table. */
    private record RunRow(
            String runId,
            String kind,
            String scenario,
            RunInfo info,
            long seed,
            long replication,
            String scheduler,
            String status,
            String summaryJson) {
        RunRow(
                String runId,
                String kind,
                String scenario,
                RunInfo info,
                long seed,
                long replication,
                String scheduler,
                String summaryJson) {
            this(runId, kind, scenario, info, seed, replication, scheduler, COMPLETE, summaryJson);
        }
    }

    private void insertRun(RunRow row) throws SQLException {
        try (PreparedStatement ps = connection.jdbc().prepareStatement(TableColumns.insert("runs"))) {
            int i = 1;
            ps.setString(i++, row.runId());
            ps.setString(i++, row.kind());
            ps.setString(i++, row.scenario());
            ps.setString(i++, row.info().scenarioFile());
            ps.setString(i++, sha256(row.info().scenarioText()));
            ps.setString(i++, row.info().scenarioText());
            ps.setLong(i++, row.seed());
            ps.setLong(i++, row.replication());
            ps.setString(i++, row.scheduler());
            ps.setString(i++, row.info().gigawattVersion());
            ps.setTimestamp(i++, utc(row.info().started()));
            ps.setTimestamp(i++, utc(row.info().finished()));
            ps.setString(i++, row.status());
            ps.setString(i, row.summaryJson());
            ps.executeUpdate();
        }
    }

    private static Timestamp utc(Instant t) {
        return Timestamp.valueOf(t.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static String newRunId(RunInfo info) {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .format(info.started().atOffset(ZoneOffset.UTC)) + "-"
                + HexFormat.of().formatHex(random);
    }

    /** SHA-256 of {@code text} in UTF-8, as lower-case hex. */
    static String sha256(String text) {
        return Text.sha256(text);
    }
}
