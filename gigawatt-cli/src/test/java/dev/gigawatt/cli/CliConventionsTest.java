package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of conventions every command shares: one version, run id prefixes. */
class CliConventionsTest {
    private static final Pattern RUN = Pattern.compile("(?m)^Run (\\S+) recorded in ");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return dir.resolve("db.duckdb").toString();
    }

    private String plan() {
        CliRun r = run("plan", "../examples/quickstart.yaml", "--db", db(), "--no-report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Matcher m = RUN.matcher(r.err());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void version_isTheOneEveryRunRecords() {
        plan();

        CliRun version = run("--version");
        CliRun recorded = run("query", "SELECT gigawatt_version FROM runs", "--format", "csv", "--db", db());

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("gigawatt ").doesNotContain("dev");
        String v = version.out().strip().substring("gigawatt ".length());
        assertThat(recorded.out().lines().skip(1)).containsExactly(v.contains(",") ? "\"" + v + "\"" : v);
    }

    @Test
    void runsRm_uniquePrefix_removesThatRun_andSaysItsFullId() {
        String id = plan();

        CliRun r = run("runs", "rm", id.substring(0, id.length() - 3), "--db", db());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Removed run " + id + ".\n");
        assertThat(run("runs", "--db", db()).out()).startsWith("No runs recorded in ");
    }

    @Test
    void runsRm_ambiguousPrefix_removesNothing_exit2() {
        String a = plan();
        String b = plan();

        CliRun r = run("runs", "rm", "2", "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("matches 2 runs", "give more of the id");
        assertThat(run("runs", "--db", db()).out()).contains(a, b);
    }

    @Test
    void simulateAndSweep_markdownFormat_isRefusedWithTheValidOnes_exit2() {
        CliRun simulate = run("simulate", "../examples/quickstart.yaml", "--format", "markdown", "--no-db");
        CliRun sweep = run("sweep", "../examples/sweeps/none.yaml", "--format", "markdown");

        assertThat(simulate.exitCode()).isEqualTo(2);
        assertThat(simulate.err()).contains("markdown", "table, json").doesNotContain("\tat ");
        assertThat(simulate.out()).isEmpty();
        assertThat(sweep.exitCode()).isEqualTo(2);
        assertThat(sweep.err()).contains("table, json");
    }

    @Test
    void plan_tableFormat_stdoutIsThePlanOnly_runAndReportLinesOnStderr() {
        CliRun r = run("plan", "../examples/quickstart.yaml", "--db", db(), "--no-report");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("quickstart").doesNotContain("recorded in");
        assertThat(r.err()).containsPattern("(?m)^Run \\S+ recorded in ");
    }

    @Test
    void plan_fromStandardInput_readsItOnceAndRecordsItsText() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("../examples/quickstart.yaml"));
        java.io.InputStream stdin = System.in;
        CliRun r;
        try {
            System.setIn(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            r = run("plan", "-", "--db", db(), "--no-report");
        } finally {
            System.setIn(stdin);
        }

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("quickstart");
        CliRun recorded = run(
                "query",
                "SELECT scenario_file, scenario_text = $$" + text + "$$ AS same FROM runs",
                "--format",
                "json",
                "--db",
                db());
        assertThat(recorded.out().replaceAll("\\s", "")).isEqualTo("[{\"scenario_file\":\"<stdin>\",\"same\":true}]");
    }

    @Test
    void quiet_printsOnlyTheData_andRefusesVerbose() {
        CliRun quiet = run("plan", "../examples/quickstart.yaml", "--db", db(), "--no-report", "--quiet");
        CliRun both = run("plan", "../examples/quickstart.yaml", "--no-db", "--quiet", "--verbose");

        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).startsWith("quickstart");
        assertThat(quiet.err()).isEmpty();
        assertThat(run("runs", "--db", db()).out()).contains("quickstart");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--quiet and --verbose cannot be used together");
    }

    @Test
    void completion_printsABashCompletionScriptForEveryCommand() {
        CliRun r = run("completion");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("complete -F", "gigawatt", "simulate", "sweep", "query");
    }

    @Test
    void man_writesAnAsciiDocManPagePerCommand_withItsOptionsAndTheVersion() throws Exception {
        Path man = dir.resolve("man");

        CliRun r = run("man", man.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Wrote ").contains(" man pages (AsciiDoc) to " + man);
        String root = java.nio.file.Files.readString(man.resolve("gigawatt.adoc"));
        String simulate = java.nio.file.Files.readString(man.resolve("gigawatt-simulate.adoc"));
        String version = run("--version").out().strip();
        assertThat(root).contains(":doctype: manpage", "xref:gigawatt-simulate.adoc[*simulate*]", "--quiet", version);
        assertThat(simulate).contains("--replication", "--scheduler");
        assertThat(man.resolve("gigawatt-runs-rm.adoc")).exists();
    }

    @Test
    void man_onAFile_isRefused_exit2() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("taken"), "x");

        CliRun r = run("man", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + file + " is a file, not a folder\n");
    }

    /** Through a pipe, as {@code cat x.yaml | gigawatt plan /dev/stdin} gives it: a second read would find nothing. */
    @Test
    void plan_fromDevStdinPipe_readsItOnceAndRecordsItsText() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(Path.of("/dev/stdin")));
        String text = java.nio.file.Files.readString(Path.of("../examples/quickstart.yaml"));
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.gigawatt.cli.GigawattCli",
                        "plan",
                        "/dev/stdin",
                        "--db",
                        db(),
                        "--no-report")
                .redirectError(dir.resolve("err.log").toFile())
                .redirectOutput(dir.resolve("out.log").toFile())
                .start();
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        String err = java.nio.file.Files.readString(dir.resolve("err.log"));
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("out.log"))).startsWith("quickstart");
        CliRun recorded = run(
                "query",
                "SELECT scenario_file, scenario_text = $$" + text + "$$ AS same FROM runs",
                "--format",
                "json",
                "--db",
                db());
        assertThat(recorded.out().replaceAll("\\s", ""))
                .isEqualTo("[{\"scenario_file\":\"/dev/stdin\",\"same\":true}]");
    }

    @Test
    void reportAndCompare_takeAUniquePrefixOfTheRunId() {
        String id = plan();
        String prefix = id.substring(0, id.length() - 4);
        Path html = dir.resolve("r.html");

        CliRun report = run("report", prefix, "--out", html.toString(), "--db", db());
        CliRun compare = run("compare", prefix, id, "--db", db());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(html).content().contains(id);
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.out().lines().findFirst().orElseThrow()).contains(id + " (plan)");
        assertThat(run("report", "nope", "--db", db()).exitCode()).isEqualTo(2);
    }
}
