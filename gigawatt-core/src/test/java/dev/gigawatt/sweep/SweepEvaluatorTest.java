package dev.gigawatt.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A sweep's run, made without the job event log, gives the KPIs of a full simulation. */
class SweepEvaluatorTest {
    private static final String SCENARIO = """
            name: kpis
            seed: 3
            horizon: {start: 2025-01-01, duration: "60 days"}
            sites:
              - {name: a, grid: US-OH, capacity: "40 MW", pue: 1.2}
            fleet:
              - {accelerator: H100-SXM, count: 8192, site: a, inService: 2025-01-01}
            training:
              - {name: big, model: llama-3.1-8b, tokens: 2T, accelerators: 2048, accelerator: H100-SXM, mfu: "40%"}
            jobMix:
              - {name: research, site: a, accelerator: H100-SXM, arrivalsPerDay: 40,
                 accelerators: {min: 8, max: 1024}, duration: {median: "12 h", spread: 1.0}}
            reliability:
              acceleratorMtbf: "20,000 h"
            """;

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 7})
    void evaluate_simulateMode_sameKpisAsAFullSimulation(long replication) {
        Catalog catalog = Catalog.builtIn();
        Scenario s = SweepEvaluator.scenario(SCENARIO, "kpis.yaml", Map.of(), catalog);
        Plan plan = new Planner(Assumptions.builtIn()).plan(s);
        SchedulingPolicy policy = SchedulingPolicy.fromKey(s.simulation().scheduler());
        var full = new FleetSimulator(s, plan, new SimulationOptions(replication, policy)).run(p -> {});
        Map<String, Double> expected = new LinkedHashMap<>();
        Kpis.of(full).forEach(k -> expected.put(k.name(), k.value()));

        Map<String, Double> got =
                SweepEvaluator.evaluate(SCENARIO, "kpis.yaml", Map.of(), "simulate", replication, catalog);

        assertThat(full.jobEvents()).hasSizeGreaterThan(100);
        assertThat(expected.get("interruptions")).isPositive();
        got.remove("tco_usd_per_year");
        got.remove("usd_per_gpu_hour");
        assertThat(got).containsExactlyEntriesOf(expected);
    }
}
