package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results database under real concurrency: separate JVMs running {@code gigawatt simulate},
 * one killed with SIGKILL inside its transaction (the store's test hook
 * {@code gigawatt.store.pauseBeforeCommitMillis} holds it open), two writing at once.
 */
class AtomicityTest {
    private static final String QUICKSTART =
            Path.of("..", "examples", "quickstart.yaml").toString();

    /** Printed with the simulation summary, before the run is recorded. */
    private static final String SUMMARY_PRINTED = "events simulated";

    /** Every table a run writes rows to (see the store's schema). */
    private static final List<String> RUN_TABLES = List.of(
            "runs", "kpis", "site_hourly", "jobs", "job_events", "services", "sources", "sweep_points", "sweep_runs");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A {@code gigawatt} process and the file its stdout and stderr go to. */
    private record Gigawatt(Process process, Path log) {
        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        int exitCode(long seconds) throws InterruptedException, IOException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("gigawatt did not exit within " + seconds + " s; output:\n" + output());
            }
            return process.exitValue();
        }

        /** Waits until the process has printed {@code text}; fails if it exits or the time runs out first. */
        void awaitOutput(String text, long seconds) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!output().contains(text)) {
                if (!process.isAlive()) {
                    throw new AssertionError("gigawatt exited (" + process.exitValue() + ") before printing '" + text
                            + "'; output:\n" + output());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' within " + seconds + " s; output:\n" + output());
                }
                Thread.sleep(100);
            }
        }
    }

    private Path db() {
        return dir.resolve("db.duckdb");
    }

    /** Starts {@code gigawatt simulate} of the quickstart into the test database in its own JVM. */
    private Gigawatt simulateInNewJvm(String name, String... systemProperties) throws IOException {
        return inNewJvm(
                name,
                List.of(systemProperties),
                List.of(
                        "simulate",
                        QUICKSTART,
                        "--no-output",
                        "--no-report",
                        "--no-progress",
                        "--db",
                        db().toString()));
    }

    /** Starts {@code gigawatt ARGS} in its own JVM with the given system properties. */
    private Gigawatt inNewJvm(String name, List<String> systemProperties, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(systemProperties);
        command.add("dev.gigawatt.cli.GigawattCli");
        command.addAll(args);
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(p);
        return new Gigawatt(p, log);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Rows in every run table, read through the read-only {@code query} command (which cleans nothing up). */
    private String rowsPerTable() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String table : RUN_TABLES) {
            sql.append(sql.length() > 7 ? ", " : "")
                    .append("(SELECT count(*) FROM ")
                    .append(table)
                    .append(") AS ")
                    .append(table);
        }
        CliRun r = run("query", sql.toString(), "--format", "csv", "--db", db().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }

    private static String zeroRowsPerTable() {
        return String.join(",", RUN_TABLES) + "\n"
                + String.join(",", RUN_TABLES.stream().map(t -> "0").toList()) + "\n";
    }

    /** Starts a simulation that pauses before commit and SIGKILLs it inside its transaction. */
    private Gigawatt killInsideTransaction() throws Exception {
        Gigawatt a = simulateInNewJvm("killed", "-Dgigawatt.store.pauseBeforeCommitMillis=60000");
        a.awaitOutput(SUMMARY_PRINTED, 30);
        // Opening the store and writing the rows takes well under a second; then it sleeps before commit.
        Thread.sleep(2_500);
        assertThat(a.process().isAlive()).as("still inside its transaction").isTrue();

        a.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback
        assertThat(a.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(a.output()).doesNotContain("recorded in");
        assertThat(db()).as("the killed process had opened the database").exists();
        return a;
    }

    @Test
    @Timeout(60)
    void simulate_killedInsideItsTransaction_recordsNoRunAndLeavesAUsableFile() throws Exception {
        killInsideTransaction();

        CliRun runs = run("runs", "--db", db().toString());
        CliRun again = run("simulate", QUICKSTART, "--no-output", "--no-report", "--db", db().toString());

        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).startsWith("No runs recorded in ");
        assertThat(again.exitCode()).as(again.err()).isZero();
        String id = again.err().replaceAll("(?s).*Run (\\S+) recorded in .*", "$1");
        assertThat(run("runs", "--db", db().toString()).out()).contains(id);
        CliRun hourly = run(
                "query",
                "SELECT count(*), count(DISTINCT run_id), min(run_id) FROM site_hourly",
                "--format",
                "csv",
                "--db",
                db().toString());
        assertThat(hourly.out().lines()).last().isEqualTo((365 * 24) + ",1," + id);
    }

    @Test
    @Timeout(60)
    void simulate_killedInsideItsTransaction_leavesNoRowsInAnyTable() throws Exception {
        killInsideTransaction();

        assertThat(rowsPerTable()).isEqualTo(zeroRowsPerTable());
    }

    @Test
    @Timeout(60)
    void simulate_whileAnotherProcessWrites_failsWithDatabaseBusy_exit1() throws Exception {
        Gigawatt a = simulateInNewJvm("holder", "-Dgigawatt.store.pauseBeforeCommitMillis=30000");
        a.awaitOutput(SUMMARY_PRINTED, 30);
        Thread.sleep(2_500);
        assertThat(a.process().isAlive()).as("A still inside its transaction").isTrue();

        Path out = dir.resolve("busy-out");
        Gigawatt b = inNewJvm(
                "busy",
                List.of("-Dgigawatt.store.lockWaitMillis=1000"),
                List.of("simulate", QUICKSTART, "--no-progress", "--db", db().toString(), "--out", out.toString()));
        int bExit = b.exitCode(45);

        assertThat(bExit).as(b.output()).isEqualTo(1);
        assertThat(b.output()).contains("error: database busy", db().toString());
        assertThat(b.output())
                .as("the database is checked before simulating")
                .doesNotContain("\tat ", "recorded in", SUMMARY_PRINTED);
        assertThat(out).doesNotExist();
        assertThat(names(dir)).noneMatch(n -> n.contains("partial"));
        a.process().destroyForcibly();
        assertThat(a.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run("runs", "--db", db().toString()).out()).startsWith("No runs recorded in ");
    }

    @Test
    @Timeout(60)
    void simulate_twoWritersAtOnce_secondWaitsForTheLockAndBothLand_exit0() throws Exception {
        Gigawatt a = simulateInNewJvm("first", "-Dgigawatt.store.pauseBeforeCommitMillis=3000");
        Gigawatt b = simulateInNewJvm("second", "-Dgigawatt.store.lockWaitMillis=20000");

        int aExit = a.exitCode(45);
        int bExit = b.exitCode(45);

        assertThat(aExit).as(a.output()).isZero();
        assertThat(bExit).as(b.output()).isZero();
        String runs = run("runs", "--db", db().toString()).out();
        String aId = a.output().replaceAll("(?s).*Run (\\S+) recorded in .*", "$1");
        String bId = b.output().replaceAll("(?s).*Run (\\S+) recorded in .*", "$1");
        assertThat(aId).isNotEqualTo(bId);
        assertThat(runs).contains(aId, bId);
        assertThat(runs.lines().filter(l -> l.contains("quickstart"))).hasSize(2);
        CliRun perRun = run(
                "query",
                "SELECT count(*) FROM site_hourly GROUP BY run_id ORDER BY 1",
                "--format",
                "csv",
                "--db",
                db().toString());
        assertThat(perRun.out().lines().skip(1)).containsExactly("8760", "8760");
    }

    /** Names in {@code folder}, sorted; temporary entries start with a dot. */
    private static List<String> names(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Ages every temporary entry in {@code folder}, as if the killed run had died long ago. */
    private static void ageLeftovers(Path folder) throws IOException {
        java.nio.file.attribute.FileTime longAgo =
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200));
        for (String n : names(folder)) {
            if (n.startsWith(".")) {
                Files.setLastModifiedTime(folder.resolve(n), longAgo);
            }
        }
    }

    @Test
    @Timeout(90)
    void simulate_killedBetweenWritingItsFilesAndTheCommit_leavesNothingInTheFinalPlaces() throws Exception {
        Path out = dir.resolve("out");
        Path export = dir.resolve("export");
        List<String> args = List.of(
                "simulate",
                QUICKSTART,
                "--no-progress",
                "--db",
                db().toString(),
                "--out",
                out.toString(),
                "--export",
                export.toString());
        Gigawatt a = inNewJvm("killed", List.of("-Dgigawatt.store.pauseBeforeCommitMillis=60000"), args);
        a.awaitOutput(SUMMARY_PRINTED, 30);
        Thread.sleep(2_500); // the CSV files, the report and the Parquet files are written by now

        a.process().destroyForcibly();
        assertThat(a.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(out).doesNotExist();
        assertThat(export).doesNotExist();
        assertThat(names(dir)).anyMatch(n -> n.startsWith(".out.partial-"));
        assertThat(rowsPerTable()).isEqualTo(zeroRowsPerTable());

        ageLeftovers(dir);
        CliRun again = run(args.toArray(String[]::new));

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(names(out)).contains("site_hourly.csv", "report.html");
        assertThat(names(export)).contains("site_hourly.parquet");
        assertThat(names(dir)).as("the killed run's temporary folders are gone").noneMatch(n -> n.contains("partial"));
    }

    @Test
    @Timeout(90)
    void sweep_killedBeforeItsFinalCommit_leavesNoParquetExportAndAPartialSweepWithItsRuns() throws Exception {
        Path sweep = Files.writeString(
                dir.resolve("sweep.yaml"), """
                name: price-sweep
                scenario: %s
                mode: plan
                axes:
                  - path: finance.acceleratorPrices.H100-SXM
                    values: ["$20,000", "$25,000"]
                outputs: [capex_usd]
                """.formatted(Path.of(QUICKSTART).toAbsolutePath()));
        Path export = Files.createDirectories(dir.resolve("export"));
        Gigawatt a = inNewJvm(
                "killed-sweep",
                List.of("-Dgigawatt.store.pauseBeforeCommitMillis=60000"),
                List.of(
                        "sweep",
                        sweep.toString(),
                        "--no-progress",
                        "--db",
                        db().toString(),
                        "--export",
                        export.toString()));
        a.awaitOutput("price-sweep: ", 30);
        Thread.sleep(2_500);

        a.process().destroyForcibly();
        assertThat(a.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(names(export)).allMatch(n -> n.startsWith(".")).noneMatch(n -> n.endsWith(".parquet"));
        // Its points and finished runs were committed as it ran; its KPIs and summary were not.
        CliRun r = run(
                "query",
                "SELECT status, (SELECT count(*) FROM sweep_points) AS points,"
                        + " (SELECT count(DISTINCT point) FROM sweep_runs) AS runs, (SELECT count(*) FROM kpis) AS kpis"
                        + " FROM runs",
                "--format",
                "csv",
                "--db",
                db().toString());
        assertThat(r.out()).isEqualTo("status,points,runs,kpis\npartial,2,2,0\n");
    }

    @Test
    @Timeout(90)
    void simulate_interruptedBeforeItsCommit_removesItsTemporaryFiles() throws Exception {
        Path out = dir.resolve("out");
        Gigawatt a = inNewJvm(
                "interrupted",
                List.of("-Dgigawatt.store.pauseBeforeCommitMillis=60000"),
                List.of("simulate", QUICKSTART, "--no-progress", "--db", db().toString(), "--out", out.toString()));
        a.awaitOutput(SUMMARY_PRINTED, 30);
        Thread.sleep(2_500);

        a.process().destroy(); // SIGTERM, as Ctrl-C or a scheduler's cancel: shutdown hooks run
        assertThat(a.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(out).doesNotExist();
        assertThat(names(dir)).noneMatch(n -> n.contains("partial"));
        assertThat(rowsPerTable()).isEqualTo(zeroRowsPerTable());
    }
}
