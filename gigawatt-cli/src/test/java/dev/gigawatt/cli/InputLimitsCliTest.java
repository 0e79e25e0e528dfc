package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of bad input to the CLI: exit 2 with one clear message before any work, never a stack trace. */
class InputLimitsCliTest {
    /** Surefire runs in the module folder, so the examples are one level up. */
    private static final Path QUICKSTART = Path.of("..", "examples", "quickstart.yaml");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void simulate_devZero_isTooLarge_exit2() {
        CliRun r = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> run("simulate", "/dev/zero", "--no-output", "--no-db"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: /dev/zero has 1 problem:\n"
                        + "  /dev/zero: file is too large: more than 4 MiB (4,194,304 bytes); scenario files are a few"
                        + " kilobytes\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void simulate_negativeReplication_isBadInputBeforeAnything_exit2() {
        Path out = dir.resolve("out");

        CliRun r = run("simulate", QUICKSTART.toString(), "--replication", "-1", "--out", out.toString(), "--no-db");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --replication must be a whole number >= 0, got -1\n");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void sweep_zeroThreads_isBadInput_exit2() throws IOException {
        Files.copy(QUICKSTART, dir.resolve("quickstart.yaml"));
        Path sweep = write("s.yaml", """
                name: s
                scenario: quickstart.yaml
                mode: plan
                axes:
                  - {path: finance.costOfCapital, values: ["5%", "8%"]}
                """);

        CliRun r = run("sweep", sweep.toString(), "--threads", "0", "--no-db");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --threads must be at least 1, got 0\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sweep_gridOf10000CubedPoints_failsFast_exit2() throws IOException {
        Files.copy(QUICKSTART, dir.resolve("quickstart.yaml"));
        Path sweep = write("big.yaml", """
                name: big
                scenario: quickstart.yaml
                mode: plan
                axes:
                  - {path: finance.costOfCapital, range: {from: "1%", to: "10%", steps: 10000}}
                  - {path: finance.maintenance, range: {from: "1%", to: "10%", steps: 10000}}
                  - {path: "sites[0].pue", range: {from: 1.1, to: 1.5, steps: 10000}}
                """);

        CliRun r = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> run("sweep", sweep.toString(), "--no-db", "--no-progress"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("error: " + sweep + " has 1 problem:\n  " + sweep
                        + ":1: the sweep has 1,000,000,000,000 runs: 1,000,000,000,000 points")
                .contains("at most 1,000,000 runs and 100,000 points are allowed")
                .doesNotContain("\tat ", "Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sweep_unknownOutput_namesTheSweepFileAndLineNotTheSweepsName_exit2() throws IOException {
        Files.copy(QUICKSTART, dir.resolve("quickstart.yaml"));
        Path sweep = write("prices.yaml", """
                name: price-sweep
                scenario: quickstart.yaml
                mode: plan
                axes:
                  - {path: finance.costOfCapital, values: ["5%", "8%"]}
                outputs:
                  - capex_usd
                  - tco_usd_per_yer
                """);

        CliRun r = run("sweep", sweep.toString(), "--no-db");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: " + sweep + " has 1 problem:\n  " + sweep
                        + ":8: outputs[1]: unknown output 'tco_usd_per_yer'; did you mean 'tco_usd_per_year'? (KPIs"
                        + " of a plan run: see docs/results.md)\n");
    }

    @Test
    void plan_scenarioNameWithATerminalEscape_isRejectedAndNeverPrintedRaw_exit2() throws IOException {
        Path file = write("esc.yaml", Files.readString(QUICKSTART).replace("name: quickstart", "name: \"\\e[2Jx\""));

        CliRun r = run("plan", file.toString(), "--no-db");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains(file + ":3: name: must not contain control characters (ESC, as in terminal escape"
                        + " sequences), got \"\\u001b[2Jx\"")
                .doesNotContain("\u001b");
        assertThat(r.out()).isEmpty();
    }

    /**
     * A valid scenario too big for a 64 MiB heap (ten sites for 50 years: 540 MB of hourly series)
     * ends with one line naming the problem and exit 1. In its own JVM, so the heap can be small.
     */
    @Test
    void simulate_outOfMemory_endsWithOneClearLineAndNoStackTrace_exit1() throws Exception {
        StringBuilder yaml = new StringBuilder("name: big\nhorizon: {start: 2025-01-01, end: 2075-01-01}\nsites:\n");
        for (int i = 0; i < 10; i++) {
            yaml.append("  - {name: s").append(i).append(", grid: US-OH, capacity: \"10 MW\"}\n");
        }
        yaml.append("fleet:\n  - {accelerator: H100-SXM, count: 8, site: s0}\n");
        Path file = write("big.yaml", yaml.toString());
        Path log = dir.resolve("err.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gigawatt.cli.GigawattCli",
                "simulate",
                file.toString(),
                "--no-output",
                "--no-db",
                "--no-progress");
        Process p = new ProcessBuilder(command)
                .redirectError(log.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("finished within a minute")
                .isTrue();

        String err = Files.readString(log);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err.lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: out of memory (the JVM may use at most ")
                .endsWith(" or give Java more memory, e.g. GIGAWATT_JAVA_OPTS=-Xmx16g"));
    }
}
