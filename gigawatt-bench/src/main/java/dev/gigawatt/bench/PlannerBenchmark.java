package dev.gigawatt.bench;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Reading and planning a scenario, by number of deployments: the planner's cost grows with entries, not GPUs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlannerBenchmark {
    @Param({"1", "10", "100"})
    int deployments;

    @Param({"1000", "1000000"})
    int acceleratorsPerDeployment;

    private String yaml;
    private Catalog catalog;
    private Scenario scenario;
    private Planner planner;

    @Setup
    public void setUp() {
        StringBuilder y = new StringBuilder("name: bench\nhorizon: {start: 2025-01-01, end: 2026-01-01}\nsites:\n");
        y.append("  - {name: a, grid: US-LA, capacity: \"5 GW\", cooling: liquid}\n");
        y.append("  - {name: b, grid: US-OH, capacity: \"5 GW\", cooling: liquid}\nfleet:\n");
        String[] types = {"H100-SXM", "H200", "B200", "GB200", "MTIA-v2"};
        for (int i = 0; i < deployments; i++) {
            y.append(String.format(
                    Locale.ROOT,
                    "  - {accelerator: %s, count: %d, site: %s, inService: 2025-%02d}%n",
                    types[i % types.length],
                    acceleratorsPerDeployment,
                    i % 2 == 0 ? "a" : "b",
                    1 + i % 12));
        }
        y.append(
                "training:\n  - {name: t, model: llama-3.1-405b, tokens: 15.6T, accelerators: 16384, accelerator: H100-SXM}\n");
        y.append(
                "inference:\n  - {name: i, model: llama-3.1-70b, users: 1B, requestsPerUserPerDay: 5, inputTokens: 1500,"
                        + " outputTokens: 350, slo: {ttft: 1 s, tpot: 40 ms}, accelerator: choose, parallelism: choose}\n");
        yaml = y.toString();
        catalog = Catalog.builtIn();
        scenario = ScenarioReader.parse(yaml, "bench.yaml", catalog);
        planner = new Planner(Assumptions.builtIn());
    }

    @Benchmark
    public Scenario read() {
        return ScenarioReader.parse(yaml, "bench.yaml", catalog);
    }

    @Benchmark
    public Plan plan() {
        return planner.plan(scenario);
    }
}
