package dev.gigawatt.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files that asked for more work than a machine has, or for numbers that cannot be written. */
class SweepLimitsTest {
    /** Lines 1-3 of every sweep below. */
    private static final String HEAD = """
            name: s
            scenario: base.yaml
            mode: plan
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeScenario() throws IOException {
        Files.writeString(
                dir.resolve("base.yaml"),
                "name: base\nhorizon: {start: 2025-01-01, duration: \"2 days\"}\n"
                        + "sites:\n  - {name: a, grid: US-OH, capacity: \"10 MW\"}\n",
                StandardCharsets.UTF_8);
    }

    private List<Problem> problems(String yaml) {
        try {
            SweepReader.parse(yaml, "s.yaml", dir);
        } catch (InputException e) {
            assertThat(e.fileName()).isEqualTo("s.yaml");
            return e.problems();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    @Test
    void parse_gridOf10000CubedPoints_failsFastWithTheCostOfRunningIt() {
        String yaml = HEAD + """
                axes:
                  - {path: finance.costOfCapital, range: {from: "1%", to: "10%", steps: 10000}}
                  - {path: finance.maintenance, range: {from: "1%", to: "10%", steps: 10000}}
                  - {path: "sites[0].pue", range: {from: 1.1, to: 1.5, steps: 10000}}
                """;

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problems(yaml));

        assertThat(problems)
                .containsExactly(new Problem(
                        "",
                        1,
                        "the sweep has 1,000,000,000,000 runs: 1,000,000,000,000 points (10,000 values of"
                                + " finance.costOfCapital × 10,000 values of finance.maintenance × 10,000 values of"
                                + " sites[0].pue) × 1 replication; at most 1,000,000 runs and 100,000 points are"
                                + " allowed (it would take about 95 years of computing at 3 ms a plan and 3.0 PB of"
                                + " memory for the results); use fewer axis values, samples or replications"));
    }

    @Test
    void parse_aMillionSamplesTimesAMillionReplications_isTooManyRuns() {
        String yaml = HEAD.replace("mode: plan", "mode: simulate") + """
                samples: 1000000
                replications: 1000000
                uncertain:
                  - {path: "sites[0].pue", distribution: uniform, min: 1.1, max: 1.3}
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "",
                        1,
                        "the sweep has 1,000,000,000,000 runs: 1,000,000 points (1,000,000 samples) × 1,000,000"
                                + " replications; at most 1,000,000 runs and 100,000 points are allowed (it would take"
                                + " about 38,052 years of computing at 1.2 s a simulation and 3.0 PB of memory for the"
                                + " results); use fewer axis values, samples or replications"));
    }

    @Test
    void parse_gridDesignOverTwelveUncertainInputs_countsThreeLevelsEach() {
        StringBuilder yaml = new StringBuilder(HEAD + "design: grid\nuncertain:\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("  - {path: finance.x").append(i).append(", distribution: uniform, min: 1, max: 2}\n");
        }

        assertThat(problems(yaml.toString())).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("the sweep has 531,441 runs: 531,441 points (3^12 grid levels) × 1 replication;"));
    }

    @Test
    void parse_lognormalSigma1e308_isOutOfRange() {
        String yaml = HEAD + """
                uncertain:
                  - {path: "sites[0].pue", distribution: lognormal, median: 1.2, sigma: 1e308}
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem("uncertain[0].sigma", 5, "must be > 0 and at most 5, got 1e308"));
    }

    @Test
    void parse_normalWithAnEnormousSpread_cannotBeWrittenAtItsTails() {
        String yaml = HEAD + """
                uncertain:
                  - {path: finance.costOfCapital, distribution: normal, mean: "5%", sd: "1e300%"}
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "uncertain[0]",
                        5,
                        "the normal distribution reaches values beyond ±1e18 at its tails (the designs draw"
                                + " probabilities down to 1e-12); use a smaller spread"));
    }

    @Test
    void parse_parameterBeyondDoubleRange_isNotFinite() {
        String yaml = HEAD + """
                uncertain:
                  - {path: finance.costOfCapital, distribution: uniform, min: "1%", max: "1e400%"}
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem("uncertain[0].max", 5, "is not a finite number: \"1e400%\""));
    }

    @Test
    void parse_rangeFromMinusToPlus1e308_isTooWideToStep() {
        String yaml = HEAD + """
                axes:
                  - {path: seed, range: {from: -1e308, to: 1e308, steps: 3}}
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem("axes[0].range", 5, "from and to are too far apart to step between"));
    }
}
