package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box tests of the results commands ({@code simulate}/{@code plan} recording, {@code runs},
 * {@code compare}, {@code query}, {@code report}), each against a fresh database in a temp folder.
 */
class ResultsCommandsTest {
    /** Surefire runs in the module folder, so the examples are one level up. */
    private static final String QUICKSTART =
            Path.of("..", "examples", "quickstart.yaml").toString();

    /** The quickstart simulates 2025 (365 days × 24 h) at one site, columbus. */
    private static final int QUICKSTART_SITE_HOURS = 365 * 24;

    private static final Pattern RECORDED = Pattern.compile("Run (\\S+) recorded in ");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return dir.resolve("db.duckdb").toString();
    }

    private static String runId(CliRun r) {
        Matcher m = RECORDED.matcher(r.out() + r.err());
        assertThat(m.find())
                .as("a 'Run <id> recorded in' line in%n%s%s", r.out(), r.err())
                .isTrue();
        return m.group(1);
    }

    /** Simulates the quickstart into the database with no files besides it; returns the run id. */
    private String simulate(String... extra) {
        String[] base = {"simulate", QUICKSTART, "--no-output", "--no-report", "--no-progress", "--db", db()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = run(args);
        assertThat(r.exitCode()).as("simulate; stderr:%n%s", r.err()).isZero();
        return runId(r);
    }

    private String plan() {
        CliRun r = run("plan", QUICKSTART, "--no-report", "--db", db());
        assertThat(r.exitCode()).as("plan; stderr:%n%s", r.err()).isZero();
        return runId(r);
    }

    @Test
    void simulate_withOut_recordsTheRunAndWritesTheReport_exit0() {
        Path out = dir.resolve("run1");

        CliRun r = run("simulate", QUICKSTART, "--no-progress", "--db", db(), "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String id = runId(r);
        assertThat(id).matches("\\d{8}-\\d{6}-[0-9a-f]{6}");
        assertThat(r.err()).contains("Run " + id + " recorded in " + db());
        assertThat(r.err()).contains("Report: " + out.resolve("report.html"));
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("report.html")).content().contains(id, "quickstart");
    }

    @Test
    void runs_afterSimulate_listsTheRun_exit0() {
        String id = simulate();

        CliRun r = run("runs", "--db", db());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("run id", id, "simulate", "quickstart", "complete");
        // Started to the second, UTC, without the database's microseconds.
        assertThat(r.out()).containsPattern(id + ".* \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ");
        assertThat(r.out()).doesNotContainPattern(":\\d{2}\\.\\d");
    }

    @Test
    void runsShow_simulation_showsOriginAndKpis_exit0() {
        String id = simulate();

        CliRun r = run("runs", "show", id, "--db", db());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("run        " + id, "kind       simulate", "seed       42, replication 0");
        assertThat(r.out()).containsPattern("(?m)^started    \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC, finished ");
        assertThat(r.out()).containsPattern("(?m)^energy_mwh\\s+[0-9,]+\\s+MWh\\s*$");
        assertThat(r.out()).contains("co2e_tonnes_location", "training_goodput", "site.columbus.energy_mwh");
    }

    @Test
    void runsShow_uniquePrefix_findsTheRun_exit0() {
        String id = simulate();

        CliRun r = run("runs", "show", id.substring(0, id.length() - 2), "--db", db());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("run        " + id);
    }

    @Test
    void compare_simulationAndPlan_headerNamesBoth_exit0() {
        String sim = simulate();
        String plan = plan();

        CliRun r = run("compare", sim, plan, "--db", db());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String header = r.out().lines().findFirst().orElseThrow();
        assertThat(header).contains(sim + " (simulate)", plan + " (plan)", "Δ 2−1", "× 2/1");
        assertThat(r.out()).contains("capex_usd", "energy_mwh");
        // The same name means the same figure in both engines: the capex that lands in the horizon.
        assertThat(r.out())
                .containsPattern("(?m)^capex_in_horizon_usd\\s+USD\\s+[0-9,]+\\s+[0-9,]+\\s+0\\s+1(\\.0+)?\\s*$");
    }

    @Test
    void compare_twoReplications_showsARatioForEachKpi_exit0() {
        String first = simulate();
        String second = simulate("--replication", "1");

        CliRun r = run("compare", first, second, "--db", db());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow())
                .contains(first + " (simulate)", second + " (simulate)", "× 2/1");
        // Same fleet and horizon: capex is identical, so its ratio is exactly 1.
        assertThat(r.out())
                .containsPattern("(?m)^capex_in_horizon_usd\\s+USD\\s+[0-9,]+\\s+[0-9,]+\\s+0\\s+1(\\.0+)?\\s*$");
        assertThat(r.out()).containsPattern("(?m)^energy_mwh\\s+MWh(\\s+\\S+){3}\\s+\\d+\\.\\d+\\s*$");
    }

    @Test
    void compare_unknownId_isBadInput_exit2() {
        String id = simulate();

        CliRun r = run("compare", id, "19990101-000000-000000", "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no run '19990101-000000-000000'");
    }

    @Test
    void query_siteHourlyCount_tableCsvAndJson_areHoursTimesSites_exit0() {
        simulate();
        String sql = "SELECT count(*) AS n FROM site_hourly";

        CliRun table = run("query", sql, "--db", db());
        CliRun csv = run("query", sql, "--format", "csv", "--db", db());
        CliRun json = run("query", sql, "--format", "json", "--db", db());

        assertThat(table.exitCode()).isZero();
        assertThat(table.out())
                .containsPattern("(?m)^\\s*n\\s*$")
                .containsPattern("(?m)^\\s*" + QUICKSTART_SITE_HOURS + "\\s*$")
                .contains("(1 row)");
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out().lines()).containsExactly("n", String.valueOf(QUICKSTART_SITE_HOURS));
        assertThat(json.exitCode()).isZero();
        assertThat(json.out().replaceAll("\\s", "")).isEqualTo("[{\"n\":" + QUICKSTART_SITE_HOURS + "}]");
    }

    @Test
    void query_delete_isRefusedReadOnly_andTheRunStays_exit2() {
        String id = simulate();

        CliRun r = run("query", "DELETE FROM runs", "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: query failed: ").contains("read-only");
        assertThat(run("runs", "--db", db()).out()).contains(id);
    }

    @Test
    void query_syntaxError_saysWhereWithoutStackTrace_exit2() {
        simulate();

        CliRun r = run("query", "SELEC nonsense", "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: query failed: ").contains("SELEC");
        assertThat(r.err()).doesNotContain("\tat ", "Exception", "--verbose");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void report_withOut_writesTheHtmlFile_exit0() {
        String id = simulate();
        Path file = dir.resolve("reports").resolve("mine.html");

        CliRun r = run("report", id, "--out", file.toString(), "--db", db());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Report: " + file);
        assertThat(file).isRegularFile();
        assertThat(file).content().contains("<!DOCTYPE html>", id, "echarts");
    }

    @Test
    void runsRm_removesTheRun_thenShowIsBadInput_exit0() {
        String id = simulate();
        String kept = plan();

        CliRun rm = run("runs", "rm", id, "--db", db());
        CliRun show = run("runs", "show", id, "--db", db());

        assertThat(rm.exitCode()).as(rm.err()).isZero();
        assertThat(rm.out()).contains("Removed run " + id + ".");
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).contains("no run '" + id + "'");
        assertThat(run("runs", "--db", db()).out()).doesNotContain(id).contains(kept);
        CliRun rows = run(
                "query",
                "SELECT count(*) FROM site_hourly WHERE run_id = '" + id + "'",
                "--format",
                "csv",
                "--db",
                db());
        assertThat(rows.out().lines()).last().isEqualTo("0");
    }

    @Test
    void runsRm_unknownId_isBadInput_exit2() {
        simulate();

        CliRun r = run("runs", "rm", "19990101-000000-000000", "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no run '19990101-000000-000000'");
    }

    @Test
    void simulate_withExport_writesEveryTableAsParquet_exit0() throws SQLException {
        Path export = dir.resolve("parquet");

        String id = simulate("--export", export.toString());

        for (String table :
                new String[] {"site_hourly", "jobs", "job_events", "services", "kpis", "sweep_points", "sweep_runs"}) {
            assertThat(export.resolve(table + ".parquet")).isRegularFile();
        }
        // 'gigawatt query' reads no files but the database, so a plain DuckDB connection reads the export.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet back =
                        s.executeQuery("SELECT count(*), count(DISTINCT run_id), min(run_id) FROM read_parquet('"
                                + export.resolve("site_hourly.parquet").toAbsolutePath() + "')")) {
            assertThat(back.next()).isTrue();
            assertThat(back.getLong(1)).isEqualTo(QUICKSTART_SITE_HOURS);
            assertThat(back.getLong(2)).isEqualTo(1);
            assertThat(back.getString(3)).isEqualTo(id);
        }
    }

    @Test
    void runs_missingDatabase_saysSoAndCreatesNothing_exitNonZero() {
        Path missing = dir.resolve("nowhere").resolve("db.duckdb");

        CliRun r = run("runs", "--db", missing.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("no results database at " + missing, "gigawatt simulate");
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void runs_emptyDatabase_saysNoRuns_exit0() {
        CliRun rm = run("runs", "rm", "x", "--db", db());
        CliRun r = run("runs", "--db", db());

        assertThat(rm.exitCode()).isEqualTo(2);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("No runs recorded in " + db() + ".\n");
    }

    @Test
    void commands_onADatabaseOfANewerSchema_refuseIt_exit1() throws SQLException {
        plan();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:duckdb:" + Path.of(db()).toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (3, TIMESTAMP '2030-01-01 00:00:00', '9.9.9')");
        }

        CliRun simulate = run("simulate", QUICKSTART, "--no-output", "--no-report", "--no-progress", "--db", db());
        CliRun runs = run("runs", "--db", db());

        String message = "the results database " + db()
                + " was written by a newer gigawatt (schema 3); this one reads up to 2: use that gigawatt or another"
                + " --db";
        assertThat(simulate.exitCode()).isEqualTo(1);
        assertThat(simulate.err()).contains(message).doesNotContain("Exception");
        assertThat(runs.exitCode()).isEqualTo(1);
        assertThat(runs.err()).contains(message);
    }
}
