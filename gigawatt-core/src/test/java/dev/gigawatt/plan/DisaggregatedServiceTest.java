package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Disaggregated prefill/decode units in the planner: fixed by a service, or found by {@code choose}. */
class DisaggregatedServiceTest {
    private static InferencePlan plan(String users, String parallelism) {
        Scenario s = ScenarioReader.parse("""
                name: d
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US-OH, capacity: "2 GW"}
                inference:
                  - name: assistant
                    model: llama-4-maverick
                    users: "%s"
                    requestsPerUserPerDay: 5
                    inputTokens: 1500
                    outputTokens: 350
                    slo: {ttft: "1 s", tpot: "40 ms"}
                    accelerator: H100-SXM
                    parallelism: %s
                """.formatted(users, parallelism), "d.yaml", Catalog.builtIn());
        return new Planner(Assumptions.builtIn()).plan(s).inference().get(0);
    }

    @Test
    void fixedUnit_isPlannedInWholeUnitsWithinTheObjectives() {
        InferencePlan p = plan("10M", "{prefill: {tensor: 8, instances: 2}, decode: {tensor: 8}}");
        assertThat(p.feasible()).isTrue();
        assertThat(p.parallelism()).isEqualTo("2xTP8 prefill + 1xTP8 decode");
        assertThat(p.acceleratorsPerReplica()).isEqualTo(24);
        assertThat(p.accelerators()).isEqualTo(24 * p.replicas());
        assertThat(p.ttftSeconds()).isLessThanOrEqualTo(1.0);
        assertThat(p.tpotSeconds()).isLessThanOrEqualTo(0.040);
        assertThat(p.replicas() * p.tokensPerSecondPerReplica()).isGreaterThanOrEqualTo(p.peakTokensPerSecond());
    }

    @Test
    void choose_keepsTheCheapestOfColocatedAndDisaggregated() {
        InferencePlan p = plan("1B", "choose");
        assertThat(p.alternatives()).anyMatch(a -> a.parallelism().contains("prefill") && a.feasible());
        assertThat(p.alternatives()).anyMatch(a -> !a.parallelism().contains("prefill") && a.feasible());
        for (InferencePlan.Alternative a : p.alternatives()) {
            if (a.feasible()) {
                assertThat(p.usdPerMillionTokens()).isLessThanOrEqualTo(a.usdPerMillionTokens());
            }
        }
        // At a billion users the unit's 24 accelerators round away: 2xTP8 + TP8 beats TP8 by ~5 %.
        assertThat(p.parallelism()).contains("prefill");
    }
}
