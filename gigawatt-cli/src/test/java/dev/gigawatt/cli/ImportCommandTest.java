package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.fixtures.TestScenarios;
import dev.gigawatt.input.Text;
import dev.gigawatt.sweep.LocalSweepEngine;
import dev.gigawatt.sweep.SweepBundle;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepReader;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box tests of {@code gigawatt import}: a bundle laid out as gigawatt-spark writes it (the
 * Parquet files written here by DuckDB, so no Spark is needed) is recorded exactly as the same sweep
 * run here, and a bundle that is unfinished, changed or short of runs is refused before the
 * database is touched.
 */
class ImportCommandTest {
    /** The four-run sweep of {@link SweepCommandTest}, its scenario in a sibling folder. */
    private static final String SWEEP =
            SweepCommandTest.SIM_SWEEP.replace("scenario: tiny.yaml", "scenario: ../inputs/tiny.yaml");

    @TempDir
    Path dir;

    private Path sweepFile;
    private Path bundle;

    @BeforeEach
    void writeInputs() throws IOException {
        Files.createDirectories(dir.resolve("inputs"));
        Files.createDirectories(dir.resolve("sweeps"));
        Files.writeString(dir.resolve("inputs/tiny.yaml"), TestScenarios.TWO_DAYS, StandardCharsets.UTF_8);
        sweepFile = Files.writeString(dir.resolve("sweeps/tiny-sweep.yaml"), SWEEP, StandardCharsets.UTF_8);
        bundle = dir.resolve("bundle");
    }

    private String db() {
        return dir.resolve("runs.duckdb").toString();
    }

    /** Writes the bundle gigawatt-spark would write for the sweep, with the runs {@code keep} selects. */
    private void writeBundle(java.util.function.Predicate<SweepRun> keep) throws Exception {
        SweepSpec spec = SweepReader.read(sweepFile, "sweeps/tiny-sweep.yaml");
        List<SweepPoint> points = SweepDesign.points(spec);
        List<SweepRun> runs = new LocalSweepEngine(1).run(spec, TestScenarios.TWO_DAYS, points, n -> {});
        Files.createDirectories(bundle.resolve("scenario"));
        Files.createDirectories(bundle.resolve("runs"));
        Files.writeString(bundle.resolve(SweepBundle.SWEEP_FILE), SWEEP, StandardCharsets.UTF_8);
        Files.writeString(bundle.resolve("scenario/tiny.yaml"), TestScenarios.TWO_DAYS, StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE r (point INTEGER, replication BIGINT, kpi_index INTEGER, kpi VARCHAR, value DOUBLE)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO r VALUES (?, ?, ?, ?, ?)")) {
                for (SweepRun run : runs) {
                    if (!keep.test(run)) {
                        continue;
                    }
                    int i = 0;
                    for (Map.Entry<String, Double> k : run.kpis().entrySet()) {
                        ps.setInt(1, run.point());
                        ps.setLong(2, run.replication());
                        ps.setInt(3, i++);
                        ps.setString(4, k.getKey());
                        ps.setObject(5, Double.isFinite(k.getValue()) ? k.getValue() : null);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            for (int p = 0; p < points.size(); p++) { // one file per partition, as Spark writes them
                st.execute("COPY (SELECT * FROM r WHERE point = " + p + ") TO '"
                        + bundle.resolve("runs/part-0000" + p + ".snappy.parquet") + "' (FORMAT parquet)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Files.writeString(bundle.resolve("runs/_SUCCESS"), "");
        Files.writeString(bundle.resolve(SweepBundle.SUMMARY_FILE), "{}");
        Instant started = Instant.parse("2026-11-30T10:00:00Z");
        Files.writeString(
                bundle.resolve(SweepBundle.MANIFEST),
                new SweepBundle.Manifest(
                                SweepBundle.FORMAT,
                                "test",
                                "Apache Spark (test)",
                                "sweeps/tiny-sweep.yaml",
                                "tiny.yaml",
                                Text.sha256(SWEEP),
                                Text.sha256(TestScenarios.TWO_DAYS),
                                points.size(),
                                spec.replications(),
                                started,
                                started.plusSeconds(90))
                        .toJson());
    }

    @Test
    void import_aCompleteBundle_recordsTheSweepAsIfRunHere_exit0() throws Exception {
        writeBundle(run -> true);
        CliRun here = CliRun.of("sweep", sweepFile.toString(), "--threads", "1", "--no-db", "-f", "json");
        assertThat(here.exitCode()).as(here.err()).isZero();

        CliRun imported = CliRun.of("import", bundle.toString(), "--db", db(), "--no-report", "-f", "json");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo(here.out());
        assertThat(imported.err())
                .contains("Ran on Apache Spark (test), 2026-11-30T10:00:00Z to 2026-11-30T10:01:30Z.")
                .containsPattern("(?m)^Run \\S+ recorded in ");
        CliRun runs = CliRun.of("runs", "--db", db());
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).contains("sweep", "tiny-sweep (tiny.yaml)", "2026-11-30 10:00:00", "complete");
        CliRun rows = CliRun.of(
                "query",
                "SELECT scenario_file, gigawatt_version, (SELECT count(DISTINCT (point, replication)) FROM sweep_runs) AS n FROM runs",
                "--db",
                db(),
                "--format",
                "csv");
        // The sweep file as it was named where it ran, the build that ran it, its 4 runs.
        assertThat(rows.out()).isEqualTo("scenario_file,gigawatt_version,n\nsweeps/tiny-sweep.yaml,test,4\n");
    }

    @Test
    void import_aRunMissing_isBadInput_namesTheRun_andRecordsNothing_exit2() throws Exception {
        writeBundle(run -> !(run.point() == 1 && run.replication() == 0));

        CliRun r = CliRun.of("import", bundle.toString(), "--db", db(), "--no-report");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("holds 3 of the sweep's 4 runs; the first missing is point 1, replication 0")
                .doesNotContain("Exception", "\tat ");
        assertThat(Path.of(db())).doesNotExist();
    }

    @Test
    void import_unfinishedOrEditedBundle_isBadInput_exit2() throws Exception {
        writeBundle(run -> true);
        Path manifest = bundle.resolve(SweepBundle.MANIFEST);
        String text = Files.readString(manifest);

        Files.writeString(bundle.resolve("scenario/tiny.yaml"), TestScenarios.TWO_DAYS + "# edited\n");
        CliRun edited = CliRun.of("import", bundle.toString(), "--db", db(), "--no-report");
        Files.writeString(bundle.resolve("scenario/tiny.yaml"), TestScenarios.TWO_DAYS);
        Files.delete(manifest);
        CliRun unfinished = CliRun.of("import", bundle.toString(), "--db", db(), "--no-report");
        Files.writeString(manifest, text.replace("\"format\" : 1", "\"format\" : 7"));
        CliRun later = CliRun.of("import", bundle.toString(), "--db", db(), "--no-report");
        CliRun noFolder = CliRun.of("import", dir.resolve("nope").toString(), "--db", db());

        assertThat(edited.exitCode()).isEqualTo(2);
        assertThat(edited.err()).contains("scenario_sha256: scenario/tiny.yaml was changed after the sweep ran");
        assertThat(unfinished.exitCode()).isEqualTo(2);
        assertThat(unfinished.err()).contains("not a finished sweep bundle: no gigawatt-sweep.json");
        assertThat(later.exitCode()).isEqualTo(2);
        assertThat(later.err()).contains("format: this build reads bundle format 1, got 7");
        assertThat(noFolder.exitCode()).isEqualTo(2);
        assertThat(noFolder.err()).contains("no such folder");
        assertThat(Path.of(db())).doesNotExist();
    }
}
