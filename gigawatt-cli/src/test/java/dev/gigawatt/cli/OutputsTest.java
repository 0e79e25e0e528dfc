package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.fixtures.TestScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box tests of where runs write: targets are checked before anything is computed, users'
 * files are never replaced without {@code --force}, outputs appear only after the run is recorded
 * and with the permissions the umask gives, and leftovers of dead processes are cleaned up.
 */
class OutputsTest {
    private static final Path QUICKSTART = Path.of("..", "examples", "quickstart.yaml");

    private static final Pattern RUN = Pattern.compile("(?m)^Run (\\S+) recorded in ");

    /** Printed with the simulation summary: the run was computed. */
    private static final String SUMMARY_PRINTED = "events simulated";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String tiny() throws IOException {
        return Files.writeString(dir.resolve("tiny.yaml"), TestScenarios.TWO_DAYS, StandardCharsets.UTF_8)
                .toString();
    }

    private String db() {
        return dir.resolve("db.duckdb").toString();
    }

    private int runsRecorded() {
        CliRun r = run("query", "SELECT count(*) FROM runs", "--format", "csv", "--db", db());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Integer.parseInt(r.out().lines().skip(1).findFirst().orElseThrow());
    }

    private static String id(CliRun r) {
        Matcher m = RUN.matcher(r.err());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The permissions a new file or folder gets here, from the process's umask. */
    private Set<PosixFilePermission> usual(boolean folder) throws IOException {
        Path probe = folder ? Files.createDirectory(dir.resolve("probe-dir")) : Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        return p;
    }

    @Test
    void report_outToAnExistingFile_refusesAndLeavesItUntouched_exit2() throws IOException {
        CliRun sim = run("simulate", tiny(), "--no-output", "--db", db(), "--no-report");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes");
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(notes);

        CliRun r = run("report", id(sim), "--db", db(), "--out", notes.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(notes + " already exists", "--force").doesNotContain("\tat ");
        assertThat(Files.readString(notes)).isEqualTo("my notes");
        assertThat(Files.getPosixFilePermissions(notes)).isEqualTo(before);
        assertThat(names(dir)).noneMatch(n -> n.contains("partial"));
    }

    @Test
    void report_outWithForce_replacesTheFileWithTheUsualPermissions_exit0() throws IOException {
        CliRun sim = run("simulate", tiny(), "--no-output", "--db", db(), "--no-report");
        Path notes = Files.writeString(dir.resolve("notes.html"), "old");

        CliRun r = run("report", id(sim), "--db", db(), "--out", notes.toString(), "--force");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(notes)).startsWith("<!DOCTYPE html>");
        assertThat(Files.getPosixFilePermissions(notes)).isEqualTo(usual(false));
    }

    @Test
    void simulate_exportOverExistingParquet_refusesBeforeSimulating_exit2() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Path mine = Files.writeString(export.resolve("services.parquet"), "mine");
        Path out = dir.resolve("out");

        CliRun r = run("simulate", tiny(), "--out", out.toString(), "--db", db(), "--export", export.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(mine + " already exists", "--force");
        assertThat(r.out()).doesNotContain(SUMMARY_PRINTED);
        assertThat(Files.readString(mine)).isEqualTo("mine");
        assertThat(names(export)).containsExactly("services.parquet");
        assertThat(out).doesNotExist();
        assertThat(runsRecorded()).isZero();
    }

    @Test
    void simulate_exportWithForce_replacesOnlyItsOwnFiles_exit0() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.writeString(export.resolve("services.parquet"), "mine");
        Files.writeString(export.resolve("README"), "other");

        CliRun r = run("simulate", tiny(), "--no-output", "--db", db(), "--export", export.toString(), "--force");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(names(export))
                .containsExactly(
                        "README",
                        "job_events.parquet",
                        "jobs.parquet",
                        "kpis.parquet",
                        "services.parquet",
                        "site_hourly.parquet",
                        "sweep_points.parquet",
                        "sweep_runs.parquet");
        assertThat(Files.readString(export.resolve("README"))).isEqualTo("other");
        assertThat(Files.size(export.resolve("services.parquet"))).isGreaterThan(100);
    }

    @Test
    void simulate_dbIsATextFile_failsBeforeSimulatingAndLeavesNothing() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes");
        Path out = dir.resolve("out");

        CliRun r = run("simulate", tiny(), "--out", out.toString(), "--db", notes.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("not a valid DuckDB database file").doesNotContain("\tat ");
        assertThat(r.out()).doesNotContain(SUMMARY_PRINTED);
        assertThat(Files.readString(notes)).isEqualTo("my notes");
        assertThat(names(dir)).containsExactly("notes.txt", "tiny.yaml");
    }

    @Test
    void plan_reportsFolderCannotBeCreated_failsBeforeRecording_exit2() throws IOException {
        // A file where the reports folder should be: unwritable even for root.
        Files.writeString(dir.resolve("reports"), "in the way");

        CliRun r = run("plan", QUICKSTART.toString(), "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot write to", "reports").doesNotContain("\tat ", "Exception");
        assertThat(r.out() + r.err()).doesNotContain("recorded in");
        assertThat(runsRecorded()).isZero();
    }

    @Test
    void simulate_outFolder_getsTheUsualPermissionsAndEveryFile_exit0() throws IOException {
        Path out = dir.resolve("out");

        CliRun r = run("simulate", tiny(), "--out", out.toString(), "--db", db());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(usual(true));
        assertThat(Files.getPosixFilePermissions(out.resolve("report.html"))).isEqualTo(usual(false));
        assertThat(names(out))
                .containsExactly(
                        "job_events.csv", "jobs.csv", "report.html", "services.csv", "site_hourly.csv", "summary.json");
        assertThat(names(dir)).noneMatch(n -> n.contains("partial"));
        assertThat(r.err()).containsSubsequence("Time series and event logs: " + out, "recorded in", "Report: ");
    }

    @Test
    void simulate_afterACrashLeftTemporaryFolders_removesThoseOfDeadProcesses() throws IOException {
        Path out = dir.resolve("out");
        // What a killed run leaves: a temporary folder and its lock file, which no process holds.
        Path deadFolder = Files.createDirectories(dir.resolve(".out.partial-0badf00d"));
        Files.writeString(deadFolder.resolve("site_hourly.csv"), "half");
        Path deadLock = Files.createFile(dir.resolve(".out.partial-0badf00d.lock"));
        // An older version's leftover, without a lock file.
        Path old = Files.createDirectories(dir.resolve(".out.partial-123456789"));
        FileTime longAgo = FileTime.from(Instant.now().minusSeconds(7200));
        for (Path p : List.of(deadFolder, deadLock, old)) {
            Files.setLastModifiedTime(p, longAgo);
        }

        CliRun r = run("simulate", tiny(), "--out", out.toString(), "--db", db());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(names(dir)).containsExactly("db.duckdb", "out", "tiny.yaml");
    }

    @Test
    void simulate_aLiveProcessesTemporaryFolder_isLeftAlone() throws IOException {
        try (Staging live = new Staging()) {
            Path staged = live.folder(dir.resolve("other"));
            Files.setLastModifiedTime(
                    dir.resolve(staged.getFileName() + ".lock"),
                    FileTime.from(Instant.now().minusSeconds(7200)));

            CliRun r = run("simulate", tiny(), "--out", dir.resolve("out").toString(), "--db", db());

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(staged).isDirectory();
        }
    }
}
