package dev.gigawatt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A plan and a simulation of one scenario give the figures they share under one name, so compare lines them up. */
class CrossEngineKpisTest {
    private static final String SCENARIO = """
            name: cross
            horizon: {start: 2025-01-01, end: 2026-01-01}
            sites:
              - {name: a, grid: US-OH, pue: 1.2, capacity: "100 MW"}
            fleet:
              - {accelerator: H100-SXM, count: 800, site: a, inService: 2025-03-01}
              - {accelerator: H100-SXM, count: 200, site: a, inService: 2021-06-01}
            finance:
              acceleratorPrices: {H100-SXM: "$30,000"}
              maintenance: "3%"
              depreciationYears: 4
            """;

    private static Map<String, Double> byName(java.util.List<Kpis.Kpi> kpis) {
        return kpis.stream().collect(Collectors.toMap(Kpis.Kpi::name, Kpis.Kpi::value));
    }

    @Test
    void planAndSimulation_shareTheHorizonTotals_andAgreeWhereNoRandomnessEnters() {
        Scenario scenario = ScenarioReader.parse(SCENARIO, "cross.yaml", Catalog.builtIn());
        Map<String, Double> plan = byName(Kpis.of(new Planner(Assumptions.builtIn()).plan(scenario)));
        Map<String, Double> sim =
                byName(Kpis.of(FleetSimulator.simulate(scenario, SimulationOptions.of(SchedulingPolicy.FIFO))));
        assertThat(plan.keySet())
                .containsAll(java.util.List.of(
                        "energy_mwh",
                        "co2e_tonnes_location",
                        "co2e_tonnes_market",
                        "water_m3",
                        "gpu_hours",
                        "energy_cost_usd",
                        "capex_in_horizon_usd",
                        "depreciation_usd",
                        "maintenance_usd",
                        "site.a.energy_mwh"));
        Function<String, Double> ratio = name -> plan.get(name) / sim.get(name);
        // Accelerators in service and the money they accrue are the same count in both engines.
        assertThat(ratio.apply("gpu_hours")).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ratio.apply("depreciation_usd")).isEqualTo(1.0);
        assertThat(ratio.apply("maintenance_usd")).isEqualTo(1.0);
        assertThat(ratio.apply("capex_in_horizon_usd")).isEqualTo(1.0);
        // No workload: the simulated fleet idles while the plan draws at the site's planned utilisation.
        assertThat(plan.get("energy_mwh")).isGreaterThan(sim.get("energy_mwh"));
        assertThat(sim.get("energy_mwh")).isPositive();
    }
}
