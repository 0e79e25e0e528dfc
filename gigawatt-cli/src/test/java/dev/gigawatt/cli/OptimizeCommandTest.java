package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gigawatt optimize}, black box: exit codes and what it prints and writes. */
class OptimizeCommandTest {
    private static final Path EXAMPLE = Path.of("../examples/optimize-2026.yaml");
    private static final Path QUICKSTART = Path.of("../examples/quickstart.yaml");

    @Test
    void optimize_example_printsTheDecisionsAndWritesAPlanThatPlanReads(@TempDir Path dir) {
        Path out = dir.resolve("plan.yaml");
        CliRun r = CliRun.withoutDb("optimize", EXAMPLE.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("optimize-2026  (2026-01-01 to 2029-01-01), objective tco\nOptimal: ")
                .contains("Accelerators bought", "Capacity steps built", "Workloads", "Binding constraints")
                .contains("optimal within 0.1% of the best bound (time limit 10 s)")
                .contains("What one more unit of a limit is worth")
                .contains("  - NVIDIA's share limit binds: 1 percentage point more would save $2.4M of TCO\n")
                .contains("Price sensitivity (one candidate's price 10% higher if bought, lower if not; solved again)")
                .contains("  - a 10% higher B200 price ")
                .contains("Checked by simulation (gigawatt simulate on the plan, seed 2026, replication 0, fifo"
                        + " scheduler; at most 3 rounds)\n"
                        + "  round 1: 3 of 3 training deadlines met, 1 of 2 services served every hour; tightened:\n"
                        + "    missed: inference 'coding-agents' served all demand in 26,300 of 26,304 hours")
                .contains("  round 2: 3 of 3 training deadlines met, 2 of 2 services served every hour\n"
                        + "The plan met every goal in simulation in round 2 of at most 3.\n")
                .contains("Against the input as written (gigawatt plan on both)")
                .contains(
                        "training deadlines met                                          3             3            +0");
        assertThat(r.err()).contains("solved in", "checked by simulation in", "(2 rounds)", "Plan: " + out);
        assertThat(out).exists();
        CliRun plan = CliRun.withoutDb("plan", out.toString(), "--no-report");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).startsWith("optimize-2026  (2026-01-01 to 2029-01-01)");
    }

    @Test
    void optimize_withDb_recordsTheChosenPlanWithItsKpisAndReport(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("runs.duckdb");
        CliRun r = CliRun.of("optimize", EXAMPLE.toString(), "--db", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("Run (\\S+) recorded in ").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        String id = m.group(1);
        java.util.regex.Matcher report =
                java.util.regex.Pattern.compile("Report: (\\S+)").matcher(r.err());
        assertThat(report.find()).as(r.err()).isTrue();
        String html = Files.readString(Path.of(report.group(1)));
        assertThat(html)
                .contains("\"kind\":\"optimize\"")
                .contains("NVIDIA's share limit binds")
                .contains("simulationCheck")
                .contains("The plan met every goal in simulation in round 2 of at most 3.")
                .contains("its optimize: section is left out");
        CliRun runs = CliRun.of("runs", "--db", db.toString());
        assertThat(runs.out()).contains(id).contains("optimize");
        CliRun kpi = CliRun.of(
                "query",
                "--db",
                db.toString(),
                "SELECT value FROM kpis WHERE run_id = '" + id + "' AND name = 'optimize.accelerators_bought'");
        assertThat(kpi.exitCode()).as(kpi.err()).isZero();
        assertThat(kpi.out()).contains("156544");
        CliRun rounds = CliRun.of(
                "query",
                "--db",
                db.toString(),
                "SELECT value FROM kpis WHERE run_id = '" + id + "' AND name IN ('optimize.rounds',"
                        + " 'optimize.met_in_simulation') ORDER BY name");
        assertThat(rounds.out()).as(rounds.err()).containsSubsequence("1", "2");
    }

    @Test
    void optimize_roundsZero_solvesOnceAndSaysItWasNotSimulated() {
        CliRun r = CliRun.withoutDb("optimize", EXAMPLE.toString(), "--rounds", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Optimal: 153,845 accelerators bought")
                .contains("Not checked by simulation (--rounds 0).\n");
        assertThat(r.err()).contains("(0 rounds)");
    }

    @Test
    void optimize_npvWithoutRevenue_isBadInputNamingTheMissingKey(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.withoutDb("optimize", EXAMPLE.toString(), "--objective", "npv");
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err())
                .contains("--objective npv: npv needs revenue: finance.revenue.perMillionTokens is missing")
                .doesNotContain("Exception");
        Path file = Files.writeString(
                dir.resolve("npv.yaml"), Files.readString(EXAMPLE).replace("objective: tco", "objective: npv"));
        CliRun inFile = CliRun.withoutDb("optimize", file.toString());
        assertThat(inFile.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(inFile.err())
                .contains(
                        "npv.yaml: optimize.objective: npv needs revenue: finance.revenue.perMillionTokens is missing");
    }

    @Test
    void optimize_npvWithRevenue_maximisesIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("npv.yaml"),
                Files.readString(EXAMPLE)
                        .replace("finance:\n", "finance:\n  revenue: {perMillionTokens: \"$0.60\"}\n"));
        CliRun r = CliRun.withoutDb("optimize", file.toString(), "--objective", "npv", "--rounds", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("objective npv\nOptimal: 153,845 accelerators bought")
                .contains("NPV $1.67B at 2026-01-01: the services' revenue $10.27B over 5.5 years")
                .contains("1 percentage point more would add $32.1M of NPV");
    }

    @Test
    void optimize_negativeRounds_isBadInput() {
        CliRun r = CliRun.withoutDb("optimize", EXAMPLE.toString(), "--rounds", "-1");
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--rounds: must be between 0 and 20, got -1");
    }

    @Test
    void optimize_noDb_recordsNothing(@TempDir Path dir) {
        CliRun r = CliRun.of(
                "optimize",
                EXAMPLE.toString(),
                "--rounds",
                "0",
                "--no-db",
                "--db",
                dir.resolve("x.duckdb").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).doesNotContain("recorded in");
        assertThat(dir.resolve("x.duckdb")).doesNotExist();
    }

    @Test
    void optimize_sameInputTwice_printsTheSameReport() {
        CliRun first = CliRun.withoutDb("optimize", EXAMPLE.toString(), "--objective", "capex");
        CliRun second = CliRun.withoutDb("optimize", EXAMPLE.toString(), "--objective", "capex");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("objective capex").isEqualTo(second.out());
    }

    @Test
    void optimize_scenarioWithoutSection_isBadInput() {
        CliRun r = CliRun.withoutDb("optimize", QUICKSTART.toString());
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("has no optimize: section; see docs/optimize.md");
    }

    @Test
    void optimize_existingOut_isRefusedWithoutForce(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("plan.yaml"), "keep");
        CliRun r = CliRun.withoutDb("optimize", EXAMPLE.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("exists; use --force to replace it");
        assertThat(Files.readString(out)).isEqualTo("keep");
    }

    @Test
    void optimize_conflictingLimits_explainsThemInWords(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(EXAMPLE)
                .replace("    - {site: richland, power: \"100 MW\"", "    - {site: richland, power: \"10 MW\"");
        Path file = Files.writeString(dir.resolve("tight.yaml"), yaml);
        CliRun r = CliRun.withoutDb("optimize", file.toString());
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.out())
                .contains("No plan meets every constraint. The least that would have to give:")
                .contains("grid capacity at richland in 2026-Q1 would need ");
    }
}
