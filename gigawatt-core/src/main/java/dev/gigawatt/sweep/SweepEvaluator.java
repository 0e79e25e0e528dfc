package dev.gigawatt.sweep;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.input.YamlPatch;
import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one point of a sweep: patches the base scenario text with the point's values, validates it,
 * and plans or simulates it. A pure function of its arguments, so any engine (threads, Spark) can
 * call it and get identical results.
 */
public final class SweepEvaluator {
    private SweepEvaluator() {}

    /** The scenario of a point, validated (throws {@link dev.gigawatt.input.InputException} with every problem). */
    public static Scenario scenario(
            String scenarioText, String scenarioName, Map<String, String> values, Catalog catalog) {
        YamlNode root = YamlDocument.parse(scenarioText, scenarioName);
        try {
            YamlPatch.apply(root, values);
        } catch (IllegalArgumentException e) {
            throw new InputException(scenarioName, List.of(new Problem("", 0, "sweep path " + e.getMessage())));
        }
        return ScenarioReader.read(root, catalog);
    }

    /** The KPI names a run of {@code scenario} in {@code mode} produces (what a sweep's outputs may name). */
    public static List<String> kpiNames(Scenario s, String mode) {
        if ("plan".equals(mode)) {
            return Kpis.of(new Planner(Assumptions.builtIn()).plan(s)).stream()
                    .map(Kpis.Kpi::name)
                    .toList();
        }
        List<String> names = new ArrayList<>(Kpis.simulationNames(s));
        names.add("tco_usd_per_year");
        names.add("usd_per_gpu_hour");
        return names;
    }

    /**
     * A point's validated scenario and its plan: what every replication of the point starts from, so a
     * sweep makes them once per point. Both are immutable, so replications on other threads share them.
     */
    public record Prepared(Scenario scenario, Plan plan) {}

    /** The point's scenario, validated and planned. */
    public static Prepared prepare(
            String scenarioText, String scenarioName, Map<String, String> values, Catalog catalog) {
        Scenario s = scenario(scenarioText, scenarioName, values, catalog);
        return new Prepared(s, new Planner(Assumptions.builtIn()).plan(s));
    }

    /** The KPIs of one run: the point's scenario, planned or simulated with replication {@code replication}. */
    public static Map<String, Double> evaluate(
            String scenarioText,
            String scenarioName,
            Map<String, String> values,
            String mode,
            long replication,
            Catalog catalog) {
        return evaluate(prepare(scenarioText, scenarioName, values, catalog), mode, replication);
    }

    /** The KPIs of one run of a prepared point: the same as {@link #evaluate(String, String, Map, String, long, Catalog)}. */
    public static Map<String, Double> evaluate(Prepared point, String mode, long replication) {
        Scenario s = point.scenario();
        Plan plan = point.plan();
        Map<String, Double> out = new LinkedHashMap<>();
        if ("plan".equals(mode)) {
            Kpis.of(plan).forEach(k -> out.put(k.name(), k.value()));
        } else {
            SchedulingPolicy policy = SchedulingPolicy.fromKey(s.simulation().scheduler());
            // A sweep reads only KPIs, which need neither job records nor their event log: leaving them out
            // bounds each run's memory by the jobs in flight.
            var options = new SimulationOptions(replication, policy).kpisOnly();
            var result = new FleetSimulator(s, plan, options).run(p -> {});
            Kpis.of(result).forEach(k -> out.put(k.name(), k.value()));
            // Plan-level money is useful next to simulated outcomes (TCO is not a simulation output).
            out.put("tco_usd_per_year", plan.fleet().tcoUsdPerYear());
            out.put("usd_per_gpu_hour", plan.fleet().usdPerGpuHour());
        }
        return out;
    }
}
