package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Black-box tests of {@code gigawatt query}: each runs against its own copy of one database holding a
 * simulated run and checks that the copy is byte-for-byte unchanged afterwards; attacks on the file
 * system use files in the test's own folder.
 */
class QueryCommandTest {
    private static final String QUICKSTART =
            Path.of("..", "examples", "quickstart.yaml").toString();
    private static final Pattern RECORDED = Pattern.compile("Run (\\S+) recorded in ");

    @TempDir
    static Path shared;

    private static Path pristine;
    private static String runId;

    private Path dir;
    private Path db;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void recordOneRun() {
        pristine = shared.resolve("pristine.duckdb");
        CliRun r =
                run("simulate", QUICKSTART, "--no-output", "--no-report", "--no-progress", "--db", pristine.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Matcher m = RECORDED.matcher(r.err());
        assertThat(m.find()).as(r.out()).isTrue();
        runId = m.group(1);
    }

    @BeforeEach
    void copyTheDatabase() throws IOException {
        dir = Files.createTempDirectory(shared, "test");
        db = dir.resolve("runs.duckdb");
        Files.copy(pristine, db, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private CliRun query(String... args) {
        List<String> all = new ArrayList<>(List.of("query"));
        all.addAll(List.of(args));
        all.addAll(List.of("--db", db.toString()));
        return run(all.toArray(String[]::new));
    }

    /** A file path inside the test's folder, quoted as an SQL string literal. */
    private String sqlPath(String name) {
        return "'" + dir.resolve(name).toAbsolutePath() + "'";
    }

    /**
     * Runs {@code sql}, expects it refused as bad input in one line with nothing on stdout, and the
     * database unchanged with its run still listed.
     */
    private CliRun refused(String sql) throws IOException {
        CliRun r = query(sql);
        assertThat(r.exitCode()).as("exit code; stderr:%n%s", r.err()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("error: query failed: ").doesNotContain("\tat ", "Exception");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
        assertDatabaseUnchanged();
        return r;
    }

    private void assertDatabaseUnchanged() throws IOException {
        assertThat(Files.mismatch(pristine, db)).as("first differing byte").isEqualTo(-1L);
        CliRun runs = run("runs", "--db", db.toString());
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).contains(runId);
    }

    @Test
    void query_copyOverTheDatabaseFile_isRefusedAndTheFileIsUnchanged_exit2() throws IOException {
        CliRun r = refused("COPY (SELECT 'x') TO '" + db.toAbsolutePath() + "' (HEADER false)");

        assertThat(r.err()).contains("only one read-only statement is allowed", "COPY writes files");
    }

    @Test
    void query_copyOverTheDatabaseFileWithoutTemporaryFile_isRefusedAndTheFileIsUnchanged_exit2() throws IOException {
        // DuckDB lets even a connection without external access write its own database file this way.
        CliRun r = refused("COPY (SELECT 'x') TO '" + db.toAbsolutePath() + "' (HEADER false, USE_TMP_FILE false)");

        assertThat(r.err()).contains("COPY writes files");
        assertThat(dir.resolve("runs.duckdb.wal")).doesNotExist();
    }

    @Test
    void query_copyOverTheWalFile_isRefusedAndNoWalAppears_exit2() throws IOException {
        refused("COPY (SELECT 'x') TO '" + db.toAbsolutePath() + ".wal' (HEADER false, USE_TMP_FILE false)");

        assertThat(dir.resolve("runs.duckdb.wal")).doesNotExist();
    }

    @Test
    void query_copyToAUserFile_neitherOverwritesNorCreatesIt_exit2() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "my notes\n");

        refused("COPY (SELECT 'x') TO " + sqlPath("notes.txt") + " (HEADER false)");
        refused("COPY runs TO " + sqlPath("new.csv"));

        assertThat(notes).hasContent("my notes");
        assertThat(dir.resolve("new.csv")).doesNotExist();
    }

    @Test
    void query_exportDatabase_isRefusedAndWritesNothing_exit2() throws IOException {
        CliRun r = refused("EXPORT DATABASE " + sqlPath("export"));

        assertThat(r.err()).contains("EXPORT writes files");
        assertThat(dir.resolve("export")).doesNotExist();
    }

    @Test
    void query_pragmaProfilingOutput_isRefusedAndWritesNothing_exit2() throws IOException {
        CliRun r = refused("PRAGMA profiling_output = " + sqlPath("profile.json"));
        refused("PRAGMA enable_profiling");

        assertThat(r.err()).contains("read-only PRAGMAs", "settings are locked");
        assertThat(dir.resolve("profile.json")).doesNotExist();
    }

    @Test
    void query_setLogQueryPath_isRefusedAndWritesNothing_exit2() throws IOException {
        CliRun r = refused("SET log_query_path = " + sqlPath("log.txt"));
        refused("SET enable_external_access = true");

        assertThat(r.err()).contains("the settings are locked");
        assertThat(dir.resolve("log.txt")).doesNotExist();
    }

    @Test
    void query_twoSelects_isRefusedNamingTheCount_exit2() throws IOException {
        CliRun r = refused("SELECT 1; SELECT 2");

        assertThat(r.err()).isEqualTo("error: query failed: only one statement is allowed; found 2 separated by ';'\n");
    }

    @Test
    void query_selectThenCopy_runsNeitherAndWritesNothing_exit2() throws IOException {
        // The JDBC driver would run every statement but the last while preparing the text.
        CliRun r = refused("SELECT count(*) FROM runs; COPY runs TO " + sqlPath("leak.csv"));

        assertThat(r.err()).contains("only one read-only statement is allowed");
        assertThat(dir.resolve("leak.csv")).doesNotExist();
    }

    @Test
    void query_semicolonInsideAStringLiteral_isOneStatementAndTakesTheLimit_exit0() throws IOException {
        CliRun r = query("SELECT 'a;b' AS s, i FROM range(2) t(i); ", "--format", "csv", "--limit", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("s,i", "a;b,0");
        assertThat(r.err()).isEqualTo("… 1 more row not shown (--limit N shows more, --limit 0 all)\n");
        assertDatabaseUnchanged();
    }

    @Test
    void query_readText_ofAFileOutsideTheDatabase_isRefused_exit2() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "top secret\n");

        CliRun r = refused("SELECT content FROM read_text(" + sqlPath("secret.txt") + ")");

        assertThat(r.err()).contains("Permission Error", "disabled by configuration");
        assertThat(r.err()).doesNotContain("top secret");
    }

    @Test
    void query_readBlob_ofAFileOutsideTheDatabase_isRefused_exit2() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "top secret\n");

        CliRun r = refused("SELECT content FROM read_blob(" + sqlPath("secret.txt") + ")");

        assertThat(r.err()).contains("Permission Error", "disabled by configuration");
    }

    @Test
    void query_readCsv_ofAFileOutsideTheDatabase_isRefused_exit2() throws IOException {
        Files.writeString(dir.resolve("secret.csv"), "a,b\n1,2\n");

        CliRun r = refused("SELECT * FROM read_csv(" + sqlPath("secret.csv") + ")");

        assertThat(r.err()).contains("Permission Error");
    }

    @Test
    void query_glob_ofAFolder_isRefusedAndListsNothing_exit2() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "top secret\n");

        CliRun r = refused("SELECT * FROM glob('" + dir.toAbsolutePath() + "/*')");

        assertThat(r.err()).contains("Permission Error").doesNotContain("secret.txt");
    }

    @Test
    void query_attachAnotherFile_isRefusedAndCreatesNothing_exit2() throws IOException {
        CliRun r = refused("ATTACH " + sqlPath("other.duckdb") + " AS other");

        assertThat(r.err()).contains("ATTACH opens other databases");
        assertThat(dir.resolve("other.duckdb")).doesNotExist();
    }

    @Test
    void query_installExtension_isRefusedWithoutTryingToDownload_exit2() throws IOException {
        long start = System.nanoTime();

        CliRun r = refused("INSTALL httpfs");

        assertThat(r.err()).contains("extensions cannot be installed or loaded");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
    }

    @Test
    void query_loadExtension_isRefused_exit2() throws IOException {
        CliRun r = refused("LOAD httpfs");
        refused("LOAD " + sqlPath("evil.duckdb_extension"));

        assertThat(r.err()).contains("extensions cannot be installed or loaded");
    }

    @Test
    void query_delete_isRefusedAsReadOnly_exit2() throws IOException {
        CliRun r = refused("DELETE FROM runs");

        assertThat(r.err()).contains("DELETE changes the database, which query opens read-only");
    }

    @Test
    void query_emptyText_isRefused_exit2() throws IOException {
        CliRun r = refused("  ; ");

        assertThat(r.err()).isEqualTo("error: query failed: no SQL statement given\n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DESCRIBE runs",
                "SHOW TABLES",
                "SUMMARIZE kpis",
                "PRAGMA table_info('runs')",
                "PRAGMA show_tables",
                "EXPLAIN SELECT count(*) FROM site_hourly",
                "EXPLAIN ANALYZE SELECT count(*) FROM site_hourly",
                "WITH k AS (SELECT * FROM kpis) SELECT count(*) FROM k",
                "VALUES (1, 'one')",
                "FROM runs SELECT run_id",
                "/* a comment first */ SELECT 1",
                "SELECT 1; -- a comment after the semicolon",
                "PIVOT (SELECT kind FROM runs) ON kind IN ('simulate', 'plan') USING count(*)"
            })
    void query_readOnlyStatements_runWithTheRowLimit_exit0(String sql) throws IOException {
        CliRun r = query(sql, "--limit", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\((first )?1 row\\)");
        assertDatabaseUnchanged();
    }

    @Test
    void query_pragmaWithAQuoteSmuggledIntoItsArgument_isRefused_exit2() throws IOException {
        CliRun r = refused("PRAGMA table_info('runs''; COPY runs TO ''" + dir.resolve("x.csv") + "''; --')");

        assertThat(r.err()).contains("only one read-only statement is allowed");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void query_selectInEveryFormat_printsValuesNullsAndQuotingUpToTheLimit_exit0() throws IOException {
        // Two equal rows, one shown.
        String sql = "SELECT run_id, kind, NULL AS nothing, 'a,b' AS text FROM runs, range(2)";
        String note = "… 1 more row not shown (--limit N shows more, --limit 0 all)\n";

        CliRun table = query(sql, "--limit", "1");
        CliRun csv = query(sql, "--format", "csv", "--limit", "1");
        CliRun json = query(sql, "--format", "json", "--limit", "1");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines()).hasSize(5).anySatisfy(l -> assertThat(l)
                .containsPattern(runId + "\\s+simulate\\s+NULL\\s+a,b"));
        assertThat(table.out()).endsWith("(first 1 row)\n" + note);
        assertThat(table.err()).isEmpty();
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().lines()).containsExactly("run_id,kind,nothing,text", runId + ",simulate,,\"a,b\"");
        assertThat(csv.err()).isEqualTo(note);
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out().replaceAll("\\s", ""))
                .isEqualTo("[{\"run_id\":\"" + runId + "\",\"kind\":\"simulate\",\"nothing\":null,\"text\":\"a,b\"}]");
        assertThat(json.err()).isEqualTo(note);
        assertDatabaseUnchanged();
    }

    @Test
    void query_csvFormat_cellWithCommaQuoteCrAndLf_roundTripsThroughACsvReader_exit0() throws IOException {
        CliRun r = query("SELECT 'a, \"b\"' || chr(13) || 'c' || chr(10) || 'd' AS text, 1 AS n", "--format", "csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<List<String>> records;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(r.out())) {
            records = csv.stream().map(CsvRecord::getFields).toList();
        }
        assertThat(records).containsExactly(List.of("text", "n"), List.of("a, \"b\"\rc\nd", "1"));
        assertDatabaseUnchanged();
    }

    @Test
    void query_jsonFormat_writesNumbersAndBooleansAsJsonTypes_exit0() {
        CliRun json = query(
                "SELECT 42::BIGINT AS n, 2.5::DOUBLE AS x, 1.25::DECIMAL(5,2) AS d, true AS b, 'nan'::DOUBLE AS bad,"
                        + " DATE '2025-01-02' AS day, 'text' AS t",
                "--format",
                "json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out().replaceAll("\\s", ""))
                .isEqualTo(
                        "[{\"n\":42,\"x\":2.5,\"d\":1.25,\"b\":true,\"bad\":null,\"day\":\"2025-01-02\",\"t\":\"text\"}]");
    }

    @Test
    @Timeout(60)
    void query_fortyMillionRows_printsTheDefaultLimitAndCountsTheRest_exit0() {
        long start = System.nanoTime();

        CliRun csv = query("SELECT * FROM range(40000000) t(i)", "--format", "csv");
        CliRun table = query("SELECT * FROM range(40000000) t(i)");

        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().lines()).hasSize(1001).startsWith("i", "0", "1").endsWith("999");
        assertThat(csv.err()).isEqualTo("… 39999000 more rows not shown (--limit N shows more, --limit 0 all)\n");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .endsWith("(first 1000 rows)\n… 39999000 more rows not shown (--limit N shows more, --limit 0 all)\n");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
    }

    @Test
    void query_limit_printsThatManyRowsInEveryFormat_exit0() {
        String sql = "SELECT i FROM range(10) t(i)";

        CliRun table = query(sql, "--limit", "3");
        CliRun json = query(sql, "--limit", "3", "--format", "json");
        CliRun all = query(sql, "--limit", "0", "--format", "csv");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines())
                .containsExactly(
                        "i",
                        "-",
                        "0",
                        "1",
                        "2",
                        "(first 3 rows)",
                        "… 7 more rows not shown (--limit N shows more, --limit 0 all)");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out().replaceAll("\\s", "")).isEqualTo("[{\"i\":0},{\"i\":1},{\"i\":2}]");
        assertThat(json.err()).contains("7 more rows not shown");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out().lines()).hasSize(11).endsWith("9");
        assertThat(all.err()).isEmpty();
    }

    @Test
    void query_limitExactlyTheRowCount_saysNothingMore_exit0() {
        CliRun r = query("SELECT i FROM range(3) t(i)", "--limit", "3");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).endsWith("(3 rows)\n").doesNotContain("more");
    }

    /** Starts {@code gigawatt} in its own JVM with {@code jvmOption}, its output going to {@code log}. */
    private static Process gigawattInNewJvm(Path log, String jvmOption, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                jvmOption,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gigawatt.cli.GigawattCli"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    @Test
    @Timeout(60)
    void query_fortyMillionRowsInASmallHeap_streamsWithoutRunningOutOfMemory_exit0() throws Exception {
        Path log = dir.resolve("query.log");
        Process p = gigawattInNewJvm(
                log,
                "-Xmx48m",
                "query",
                "SELECT i, 'row ' || i AS label FROM range(40000000) t(i)",
                "--db",
                db.toString());
        try {
            assertThat(p.waitFor(50, TimeUnit.SECONDS)).as("finished").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("row 999", "… 39999000 more rows not shown").doesNotContain("row 1000 ");
    }

    @Test
    @Timeout(60)
    void query_endlessQueryInAnotherProcess_releasesTheDatabaseToAWaitingWriterAtTheTimeout() throws Exception {
        Path log = dir.resolve("reader.log");
        Process reader = gigawattInNewJvm(
                log,
                "-Xmx256m",
                "query",
                "SELECT count(*) FROM range(1000000000) a, range(100000) b",
                "--timeout",
                "4s",
                "--db",
                db.toString());
        try {
            // First see the reader holding the database: a writer that hardly waits is told it is busy.
            String previous = System.getProperty("gigawatt.store.lockWaitMillis");
            System.setProperty("gigawatt.store.lockWaitMillis", "100");
            CliRun busy;
            try {
                do {
                    busy = run("plan", QUICKSTART, "--no-report", "--db", db.toString());
                } while (busy.exitCode() == 0 && reader.isAlive());
            } finally {
                if (previous == null) {
                    System.clearProperty("gigawatt.store.lockWaitMillis");
                } else {
                    System.setProperty("gigawatt.store.lockWaitMillis", previous);
                }
            }
            assertThat(busy.err()).as("a writer while the query runs").contains("database busy");

            CliRun waiting = run("plan", QUICKSTART, "--no-report", "--db", db.toString());

            assertThat(waiting.exitCode()).as(waiting.err()).isZero();
            assertThat(reader.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(reader.exitValue()).isEqualTo(1);
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("error: query cancelled after 4 s");
        } finally {
            reader.destroyForcibly();
        }
    }

    @Test
    @Timeout(60)
    void query_endlessQuery_isCancelledAtTheTimeout_exit1() throws IOException {
        long start = System.nanoTime();

        CliRun r = query("SELECT count(*) FROM range(1000000000) a, range(100000) b", "--timeout", "1s");

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: query cancelled after 1 s (--timeout); narrow it or allow more time\n");
        assertThat(seconds).isLessThan(10);
        // The read lock is gone: a writer gets the database at once.
        CliRun plan = run("plan", QUICKSTART, "--no-report", "--db", db.toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
    }

    @Test
    @Timeout(60)
    void query_firstRowsThenEndless_isCancelledAtTheTimeout_exit1() {
        // Five rows at once, the rest only after 10^17 rows have been scanned.
        long start = System.nanoTime();

        CliRun r = query(
                "SELECT i FROM range(1000000000000000000) t(i) WHERE i < 5 OR i > 100000000000000000",
                "--format",
                "csv",
                "--timeout",
                "1s");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: query cancelled after 1 s");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    }

    @Test
    @Timeout(60)
    void query_endlessResultPastTheLimit_printsTheRowsAndStopsCountingAtTheTimeout_exit0() {
        long start = System.nanoTime();

        CliRun r = query(
                "SELECT i FROM range(1000000000000000000) t(i)",
                "--limit",
                "5",
                "--format",
                "csv",
                "--timeout",
                "1500ms");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(6);
        assertThat(r.err())
                .isEqualTo("… more rows not shown (counting them ran past --timeout; --limit N shows more,"
                        + " --limit 0 all)\n");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    }

    @Test
    void query_badLimitOrTimeout_isBadInput_exit2() {
        CliRun limit = query("SELECT 1", "--limit", "-1");
        CliRun timeout = query("SELECT 1", "--timeout", "soon");
        CliRun zero = query("SELECT 1", "--timeout", "0s");

        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).isEqualTo("error: --limit must be 0 (all rows) or a number of rows, got -1\n");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout", "soon");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--timeout", "must be positive");
    }

    @Test
    void query_missingDatabase_saysSoAndCreatesNothing_exit2() {
        Path missing = dir.resolve("nowhere").resolve("db.duckdb");

        CliRun r = run("query", "SELECT 1", "--db", missing.toString());

        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err())
                .isEqualTo("error: no results database at " + missing
                        + " (run 'gigawatt simulate' or 'gigawatt plan' first)\n");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }
}
