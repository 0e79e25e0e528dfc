package dev.gigawatt.bench;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import dev.gigawatt.sim.SimulationResult;
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

/**
 * Planning and simulating 30 days of a fleet, by number of accelerators: the simulator aggregates
 * accelerators into pools and a job's failures into one Poisson process, so its cost grows with the
 * events it processes (jobs, failures, repairs, hourly ticks), not with the accelerators.
 *
 * <p>The fleet is split over two sites (H100-SXM and GB200), with one explicit 16,384-accelerator
 * training job, a mix of arriving research jobs, one inference service and a 30-day horizon. The
 * events a run processes are printed once per trial, so the time can be read per event. Events do
 * grow with the fleet, but slowly: every failed idle or serving accelerator is one repair event. With
 * 10,000 accelerators the 16,384-accelerator job never fits and stays queued.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FailureProcessBenchmark {
    @Param({"10000", "100000", "1300000", "10000000"})
    int accelerators;

    private Scenario scenario;
    private SimulationOptions options;

    @Setup
    public void setUp() {
        int h100 = accelerators / 2;
        int gb200 = accelerators - h100;
        // About 3 kW of facility power per accelerator, so that no site is short of power.
        long h100Megawatts = Math.max(1, h100 * 3L / 1000);
        long gb200Megawatts = Math.max(1, gb200 * 3L / 1000);
        String yaml = String.format(Locale.ROOT, """
                name: failure-process-bench
                seed: 7
                horizon: {start: 2025-01-01, end: 2025-01-31}
                sites:
                  - {name: a, grid: US-LA, capacity: "%d MW", cooling: liquid}
                  - {name: b, grid: US-OH, capacity: "%d MW", cooling: liquid}
                fleet:
                  - {accelerator: H100-SXM, count: %d, site: a, inService: 2024-01}
                  - {accelerator: GB200, count: %d, site: b, inService: 2024-01}
                training:
                  - {name: t, model: llama-3.1-405b, tokens: 15.6T, accelerators: 16384, accelerator: GB200, site: b}
                jobMix:
                  - name: research
                    site: a
                    accelerator: H100-SXM
                    arrivalsPerDay: 100
                    accelerators: {min: 8, max: 1024}
                    duration: {median: "6 h", spread: 1.0}
                inference:
                  - {name: i, model: llama-3.1-70b, users: 10M, requestsPerUserPerDay: 5, inputTokens: 1500,\
                 outputTokens: 350, slo: {ttft: 1 s, tpot: 40 ms}, accelerator: H100-SXM, site: a, parallelism: choose}
                """, h100Megawatts, gb200Megawatts, h100, gb200);
        scenario = ScenarioReader.parse(yaml, "bench.yaml", Catalog.builtIn());
        options = SimulationOptions.of(SchedulingPolicy.FIFO);
        SimulationResult probe = FleetSimulator.simulate(scenario, options);
        System.out.printf(Locale.ROOT, "%n%,d accelerators: %,d events per run%n", accelerators, probe.events());
    }

    @Benchmark
    public SimulationResult simulate() {
        return FleetSimulator.simulate(scenario, options);
    }
}
