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
        CliRun r = CliRun.of("optimize", EXAMPLE.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("optimize-2026  (2026-01-01 to 2029-01-01), objective tco\nOptimal: ")
                .contains("Accelerators bought", "Capacity steps built", "Workloads", "Binding constraints")
                .contains("optimal within 0.1% of the best bound (time limit 10 s)")
                .contains("What one more unit of a limit is worth")
                .contains("  - NVIDIA's share limit binds: 1 percentage point more would save $1.4M of TCO\n")
                .contains("Price sensitivity (one candidate's price 10% higher if bought, lower if not; solved again)")
                .contains("  - a 10% higher B200 price ")
                .contains("Against the input as written (gigawatt plan on both)")
                .contains(
                        "training deadlines met                                          3             3            +0");
        assertThat(r.err()).contains("solved in", "Plan: " + out);
        assertThat(out).exists();
        CliRun plan = CliRun.withoutDb("plan", out.toString(), "--no-report");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).startsWith("optimize-2026  (2026-01-01 to 2029-01-01)");
    }

    @Test
    void optimize_sameInputTwice_printsTheSameReport() {
        CliRun first = CliRun.of("optimize", EXAMPLE.toString(), "--objective", "capex");
        CliRun second = CliRun.of("optimize", EXAMPLE.toString(), "--objective", "capex");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("objective capex").isEqualTo(second.out());
    }

    @Test
    void optimize_scenarioWithoutSection_isBadInput() {
        CliRun r = CliRun.of("optimize", QUICKSTART.toString());
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("has no optimize: section; see docs/optimize.md");
    }

    @Test
    void optimize_existingOut_isRefusedWithoutForce(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("plan.yaml"), "keep");
        CliRun r = CliRun.of("optimize", EXAMPLE.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("exists; use --force to replace it");
        assertThat(Files.readString(out)).isEqualTo("keep");
    }

    @Test
    void optimize_conflictingLimits_explainsThemInWords(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(EXAMPLE)
                .replace("    - {site: richland, power: \"100 MW\"", "    - {site: richland, power: \"10 MW\"");
        Path file = Files.writeString(dir.resolve("tight.yaml"), yaml);
        CliRun r = CliRun.of("optimize", file.toString());
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.out())
                .contains("No plan meets every constraint. The least that would have to give:")
                .contains("grid capacity at richland in 2026-Q1 would need ");
    }
}
