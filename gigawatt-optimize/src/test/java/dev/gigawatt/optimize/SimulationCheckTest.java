package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Simulate-and-tighten on small scenarios: a plan that needs a round of tightening, one that does not, determinism. */
class SimulationCheckTest {
    /**
     * A chat service on H100s bought for it and nothing else: the planner sizes the accelerators for each
     * quarter's peak exactly, so the failed ones in repair leave some peak hours short in simulation.
     */
    static final String EXACT = """
            name: exact
            seed: 7
            horizon: {start: 2026-01-01, end: 2027-01-01}
            sites:
              - {name: columbus, grid: US-OH, capacity: "100 MW", cooling: liquid}
            inference:
              - name: chat
                model: llama-3.1-70b
                users: "10M"
                requestsPerUserPerDay: 10
                inputTokens: 1500
                outputTokens: 400
                slo: {ttft: "2 s", tpot: "50 ms"}
                peakToMean: 1.7
                growthPerYear: "50%"
                accelerator: H100-SXM
                parallelism: choose
                precision: fp8
            optimize:
              accelerators:
                - name: H100-SXM
            """;

    /** The same service with a fixed fleet several times what it needs: nothing to buy, nothing short. */
    static final String AMPLE = EXACT.replace(
            "inference:\n",
            "fleet:\n  - {accelerator: H100-SXM, count: 20000, site: columbus, inService: 2025-01-01}\ninference:\n");

    @Test
    void run_exactlySizedService_missesInRoundOneAndMeetsOnceTightened() {
        Checked c = check(EXACT, 3);
        assertThat(c.rounds()).hasSizeGreaterThanOrEqualTo(2);
        Round first = c.rounds().get(0);
        assertThat(first.met()).isFalse();
        assertThat(first.tightenings()).singleElement().satisfies(t -> {
            assertThat(t.workload()).isEqualTo("chat");
            assertThat(t.factorBefore()).isEqualTo(1.0);
            assertThat(t.factorAfter()).isGreaterThanOrEqualTo(1 + SimulationCheck.MARGIN);
        });
        assertThat(c.met()).isTrue();
    }

    @Test
    void run_ampleFleet_meetsInRoundOneWithNothingTightened() {
        Checked c = check(AMPLE, 3);
        assertThat(c.rounds()).singleElement().satisfies(r -> {
            assertThat(r.met()).isTrue();
            assertThat(r.tightenings()).isEmpty();
        });
        assertThat(c.met()).isTrue();
        assertThat(CheckText.verdict(c))
                .isEqualTo("The plan met every goal in simulation in round 1: nothing was tightened.");
    }

    @Test
    void run_sameInputTwice_sameRoundsAndPlan() {
        Checked a = check(EXACT, 3);
        Checked b = check(EXACT, 3);
        assertThat(b.rounds()).isEqualTo(a.rounds());
        assertThat(Arrays.deepEquals(
                        a.outcome().decisions().bought(),
                        b.outcome().decisions().bought()))
                .isTrue();
        assertThat(CheckText.section(b)).isEqualTo(CheckText.section(a));
    }

    @Test
    void run_zeroRounds_simulatesNothing() {
        Checked c = check(EXACT, 0);
        assertThat(c.rounds()).isEmpty();
        assertThat(c.met()).isFalse();
        assertThat(CheckText.section(c)).isEqualTo("Not checked by simulation (--rounds 0).\n");
    }

    @Test
    void run_oneRound_reportsTheMissWithoutTightening() {
        Checked c = check(EXACT, 1);
        assertThat(c.rounds()).singleElement().satisfies(r -> assertThat(r.tightenings())
                .isEmpty());
        assertThat(CheckText.verdict(c))
                .isEqualTo("The plan written missed 1 goal in simulation in its round 1 of at most 1"
                        + " (raise --rounds to tighten further).");
    }

    private static Checked check(String yaml, int rounds) {
        Scenario s = ScenarioReader.parse(yaml, "test.yaml", Catalog.builtIn());
        BuildOut p = Coefficients.of(s);
        return SimulationCheck.run(s, yaml, Catalog.builtIn(), p, Optimizer.solve(p), rounds);
    }
}
