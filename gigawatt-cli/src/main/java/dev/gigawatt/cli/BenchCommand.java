package dev.gigawatt.cli;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sweep.Axis;
import dev.gigawatt.sweep.LocalSweepEngine;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gigawatt bench}: simulates the same workload at several fleet sizes and reports events per
 * second and wall time, to show that the simulator's cost follows events, not accelerators.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Simulate a meta-2025-like workload at several fleet sizes and report events/s and wall time.")
final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--sizes",
            split = ",",
            paramLabel = "N,...",
            defaultValue = "10000,100000,1300000,10000000",
            description = "Fleet sizes in accelerators (default: ${DEFAULT-VALUE}).")
    List<Long> sizes;

    @Option(
            names = "--days",
            paramLabel = "DAYS",
            defaultValue = "365",
            description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            defaultValue = "3",
            description = "Runs per size; the fastest is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--sweep-replications",
            paramLabel = "N",
            defaultValue = "4",
            description = "Replications of the sweep benchmark, 0 to skip it (default: ${DEFAULT-VALUE}).")
    int sweepReplications;

    @Option(
            names = "--sweep-size",
            paramLabel = "N",
            defaultValue = "1300000",
            description = "Fleet size of the sweep benchmark in accelerators (default: ${DEFAULT-VALUE}).")
    long sweepSize;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads of the sweep benchmark (default: the number of cores).")
    Integer threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (days < 1 || repeat < 1 || sizes.stream().anyMatch(n -> n < 1000)) {
            throw new UserException(
                    "--days and --repeat must be >= 1 and every size >= 1000", GigawattCli.EXIT_BAD_INPUT);
        }
        if (sweepReplications < 0 || sweepSize < 1000 || (threads != null && threads < 1)) {
            throw new UserException(
                    "--sweep-replications must be >= 0, --sweep-size >= 1000 and --threads >= 1",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalog.builtIn();
        TextTable t = new TextTable("accelerators", "jobs", "events", "wall s", "events/s", "ns/event", "heap MiB");
        for (long size : sizes) {
            Scenario scenario = ScenarioReader.parse(scenarioYaml(size, days), "bench.yaml", catalog);
            double best = Double.POSITIVE_INFINITY;
            SimulationResult result = null;
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                result = FleetSimulator.simulate(scenario, SimulationOptions.of(SchedulingPolicy.EASY_BACKFILL));
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            Runtime rt = Runtime.getRuntime();
            double heapMib = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
            t.row(
                    Format.integer(size),
                    Format.integer(result.jobs().size()),
                    Format.integer(result.events()),
                    Format.number(best, 2),
                    Format.integer(result.events() / best),
                    Format.integer(best * 1e9 / result.events()),
                    Format.integer(heapMib));
        }
        out.printf(
                Locale.ROOT,
                "Simulated %d days with hourly intervals, failures on, a job mix scaled with the fleet and"
                        + " a 1B-user assistant scaled likewise; fastest of %d runs per size on %d cores, Java %s.%n",
                days,
                repeat,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.print(t.render());
        if (sweepReplications > 0) {
            out.println();
            out.print(sweep());
        }
        return 0;
    }

    /**
     * The sweep benchmark: one point of the bench scenario at {@code --sweep-size}, replicated, on
     * the local sweep engine as {@code gigawatt sweep} runs it; wall time, runs per second and the
     * peak heap in use while it ran.
     */
    private String sweep() {
        String yaml = scenarioYaml(sweepSize, days);
        SweepSpec sweep = new SweepSpec(
                "bench-sweep",
                "",
                Path.of("bench.yaml"),
                "simulate",
                sweepReplications,
                "grid",
                1,
                1,
                List.of(new Axis("seed", List.of("1"), List.of(1.0))),
                List.of(),
                List.of());
        List<SweepPoint> points = SweepDesign.points(sweep);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc(); // the fleet-size runs' garbage is not the sweep's peak
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        List<SweepRun> runs = new LocalSweepEngine(workers).run(sweep, yaml, points, done -> {});
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        double peakMib =
                heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
        long events =
                runs.stream().mapToLong(r -> r.kpis().get("events").longValue()).sum();
        TextTable t = new TextTable("accelerators", "runs", "threads", "events", "wall s", "runs/s", "peak heap MiB");
        t.row(
                Format.integer(sweepSize),
                Format.integer(runs.size()),
                Format.integer(workers),
                Format.integer(events),
                Format.number(wallSeconds, 2),
                Format.number(runs.size() / wallSeconds, 2),
                Format.integer(peakMib));
        return String.format(
                        Locale.ROOT,
                        "Sweep: %d replications of the %s-accelerator workload on the local sweep engine, KPIs only"
                                + " (peak heap: each heap pool's most in use, summed, an upper bound).%n",
                        sweepReplications,
                        Format.integer(sweepSize))
                + t.render();
    }

    /** The meta-2025 shape (3 sites, 5 accelerator types, job mixes, an assistant) scaled to {@code size} accelerators. */
    static String scenarioYaml(long size, int days) {
        double f = size / 1_300_000.0;
        return String.format(
                Locale.ROOT,
                """
                name: bench-%d
                seed: 1
                horizon: {start: 2025-01-01, duration: "%d days"}
                sites:
                  - {name: a, grid: US, capacity: "%.3f MW", cooling: air-free-cooling}
                  - {name: b, grid: US-LA, capacity: "%.3f MW", cooling: liquid}
                  - {name: c, grid: US-OH, capacity: "%.3f MW", cooling: liquid}
                fleet:
                  - {accelerator: H100-SXM, count: %d, site: a}
                  - {accelerator: H200, count: %d, site: a}
                  - {accelerator: GB200, count: %d, site: b}
                  - {accelerator: B200, count: %d, site: c}
                  - {accelerator: MTIA-v2, count: %d, site: c}
                jobMix:
                  - {name: research, site: a, accelerator: H100-SXM, arrivalsPerDay: %.4f,
                     accelerators: {min: 8, max: %d}, duration: {median: "12 h", spread: 1.0}}
                  - {name: fine-tuning, site: a, accelerator: H200, arrivalsPerDay: %.4f,
                     accelerators: {min: 8, max: 1024}, duration: {median: "4 h", spread: 0.8}}
                  - {name: frontier, site: b, accelerator: GB200, arrivalsPerDay: %.4f,
                     accelerators: {min: 64, max: %d}, duration: {median: "1 day", spread: 0.7}}
                inference:
                  - {name: assistant, model: llama-3.1-70b, users: %.0f, requestsPerUserPerDay: 5, inputTokens: 1500,
                     outputTokens: 350, slo: {ttft: "1 s", tpot: "40 ms"}, peakToMean: 1.6, accelerator: H100-SXM,
                     site: a, parallelism: choose}
                """,
                size,
                days,
                1300 * f + 1,
                1000 * f + 1,
                500 * f + 1,
                Math.round(350_000 * f),
                Math.round(200_000 * f),
                Math.round(550_000 * f),
                Math.round(100_000 * f),
                Math.max(24, Math.round(100_000 * f)),
                120 * f,
                Math.max(8, Long.highestOneBit(Math.round(8192 * Math.min(1, f * 4)))),
                150 * f,
                12 * f,
                Math.max(64, Long.highestOneBit(Math.round(32768 * Math.min(1, f * 4)))),
                2e8 * f);
    }
}
