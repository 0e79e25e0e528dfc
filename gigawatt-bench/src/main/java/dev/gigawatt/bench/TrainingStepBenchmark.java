package dev.gigawatt.bench;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.plan.StepPlanner;
import dev.gigawatt.plan.TrainingThroughput;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.nio.file.Path;
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

/** Planning a bundled example with the step-time model and its layout search; run from the repository root. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingStepBenchmark {
    @Param({"examples/meta-2025.yaml", "examples/llama3-405b.yaml"})
    String example;

    private Scenario scenario;
    private Planner planner;
    private StepPlanner steps;

    @Setup
    public void setUp() {
        scenario = ScenarioReader.read(Path.of(example), example, Catalog.builtIn());
        planner = new Planner(Assumptions.builtIn());
        steps = planner.stepPlanner(scenario);
    }

    /** The whole plan (sites, fleet, training with layout search, inference). */
    @Benchmark
    public Plan plan() {
        return planner.plan(scenario);
    }

    /** Only the training throughput of the scenario's first job (one layout search per phase). */
    @Benchmark
    public TrainingThroughput firstJobThroughput() {
        return steps.throughput(scenario.training().get(0));
    }
}
