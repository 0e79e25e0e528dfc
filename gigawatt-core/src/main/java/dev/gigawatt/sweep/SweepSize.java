package dev.gigawatt.sweep;

import dev.gigawatt.input.Amounts;
import dev.gigawatt.input.Limits;
import dev.gigawatt.input.YamlMap;
import java.util.ArrayList;
import java.util.List;

/** The bound on how many points and runs a sweep may ask for, checked before any point is made. */
final class SweepSize {
    /** Time of one run, seconds: a plan (parse, validate, plan) and a simulation of meta-2025 (measured). */
    static final double PLAN_RUN_SECONDS = 0.003;

    static final double SIMULATION_RUN_SECONDS = 1.2;
    /** Memory kept per run for the summaries: its KPIs, bytes (estimated). */
    static final double BYTES_PER_RUN = 3_000;

    private SweepSize() {}

    /** Records a problem on the sweep's top mapping when it has too many points or runs. */
    static void check(SweepSpec spec, YamlMap top) {
        double points = spec.pointCount();
        double runs = points * spec.replications();
        if (points <= Limits.MAX_SWEEP_POINTS && runs <= Limits.MAX_SWEEP_RUNS) {
            return;
        }
        boolean plan = "plan".equals(spec.mode());
        double seconds = runs * (plan ? PLAN_RUN_SECONDS : SIMULATION_RUN_SECONDS);
        top.problem("the sweep has " + Amounts.count(runs) + " runs: " + Amounts.count(points) + " points ("
                + factors(spec) + ") × " + Amounts.count(spec.replications())
                + (spec.replications() == 1 ? " replication" : " replications") + "; at most "
                + Amounts.count(Limits.MAX_SWEEP_RUNS) + " runs and " + Amounts.count(Limits.MAX_SWEEP_POINTS)
                + " points are allowed (it would take about " + Amounts.duration(seconds) + " of computing at "
                + (plan ? "3 ms a plan" : "1.2 s a simulation") + " and " + Amounts.bytes(runs * BYTES_PER_RUN)
                + " of memory for the results); use fewer axis values, samples or replications");
    }

    /** How the points multiply: {@code 10 values of seed × 12 samples}. */
    private static String factors(SweepSpec spec) {
        List<String> parts = new ArrayList<>();
        for (Axis axis : spec.axes()) {
            parts.add(Amounts.count(axis.values().size()) + " values of " + axis.path());
        }
        if (!spec.uncertain().isEmpty()) {
            parts.add(
                    "grid".equals(spec.design())
                            ? "3^" + spec.uncertain().size() + " grid levels"
                            : Amounts.count(spec.samples()) + " samples");
        }
        return String.join(" × ", parts);
    }
}
