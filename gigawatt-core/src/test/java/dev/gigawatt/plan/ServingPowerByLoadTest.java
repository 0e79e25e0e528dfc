package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** The plan's serving power by load, which the simulator draws hour by hour. */
class ServingPowerByLoadTest {
    private static final InferencePlan PLAN = new Planner(Assumptions.builtIn())
            .plan(ScenarioReader.parse("""
                    name: s
                    horizon: {start: 2025-01-01, end: 2026-01-01}
                    sites:
                      - {name: a, grid: US-TX, capacity: "500 MW", pue: 1.2}
                    inference:
                      - name: chat
                        model: llama-3.1-70b
                        users: 10M
                        requestsPerUserPerDay: 10
                        inputTokens: 1000
                        outputTokens: 300
                        slo: {ttft: "2 s", tpot: "50 ms"}
                        accelerator: H100-SXM
                    """, "s.yaml", Catalog.builtIn()))
            .inference()
            .get(0);

    @Test
    void itWattsByLoad_risesFromIdleToBelowNameplate() {
        // H100: 70 W idle, 700 W TDP; HGX-H100 host share at idle and at its busy draw.
        var w = PLAN.itWattsByLoad();
        assertThat(w).hasSize(InferencePlan.LOAD_STEPS + 1);
        for (int i = 1; i < w.size(); i++) {
            assertThat(w.get(i)).as("step %d", i).isGreaterThanOrEqualTo(w.get(i - 1));
        }
        assertThat(w.get(0)).isGreaterThanOrEqualTo(70);
        assertThat(w.get(w.size() - 1)).isGreaterThan(w.get(0)).isLessThan(700 + 10_200.0 / 8);
    }

    @Test
    void itWattsAtLoad_interpolatesBetweenSteps() {
        var w = PLAN.itWattsByLoad();
        assertThat(PLAN.itWattsAtLoad(0)).isEqualTo(w.get(0));
        assertThat(PLAN.itWattsAtLoad(1)).isEqualTo(w.get(InferencePlan.LOAD_STEPS));
        assertThat(PLAN.itWattsAtLoad(0.125)).isCloseTo((w.get(2) + w.get(3)) / 2, within(1e-9));
        assertThat(PLAN.itWattsAtLoad(2)).isEqualTo(w.get(InferencePlan.LOAD_STEPS));
    }
}
