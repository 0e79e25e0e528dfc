package dev.gigawatt.plan;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.model.InferenceModel;
import dev.gigawatt.model.Parallelism;
import dev.gigawatt.model.ReplicaPerformance;
import dev.gigawatt.model.ServerPerformance;
import dev.gigawatt.model.ServingEfficiency;
import dev.gigawatt.model.ServingLayout;
import dev.gigawatt.model.ServingPowerShares;
import dev.gigawatt.model.ServingSetup;
import dev.gigawatt.model.ServingShortfall;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.units.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Sizes one inference service: peak demand, replica throughput within the SLOs, replicas and
 * accelerators, energy and cost per token. With {@code accelerator: choose} or {@code parallelism:
 * choose} it evaluates every candidate (the fleet's accelerator types, or the whole catalog when the
 * scenario has no fleet) and keeps the cheapest per token that meets the SLOs.
 */
final class InferencePlanner {
    private static final int MAX_PIPELINE = 8;
    private static final int MAX_REPLICA_ACCELERATORS = 64;

    /** Most instances of one kind per instance of the other in the disaggregated units {@code choose} tries. */
    private static final int MAX_INSTANCES = 8;

    private final Economics economics;
    private final Assumptions assumptions;
    private final double utilisationFloor;
    private final ServingPowerShares powerShares;

    InferencePlanner(Economics economics, Assumptions assumptions, double utilisationFloor) {
        this.economics = economics;
        this.assumptions = assumptions;
        this.utilisationFloor = utilisationFloor;
        this.powerShares = ServingPowerShares.of(assumptions);
    }

    InferencePlan plan(InferenceService service) {
        Scenario scenario = economics.scenario();
        double years = scenario.horizon().days() / 365.0;
        double growth = Math.pow(1 + service.growthPerYear(), years);
        double meanTokensPerSecond = service.outputTokensPerDay() / Units.SECONDS_PER_DAY * growth;
        double peakTokensPerSecond = meanTokensPerSecond * service.peakToMean();

        List<Candidate> candidates = new ArrayList<>();
        List<Accelerator> accelerators =
                service.accelerator() != null ? List.of(service.accelerator()) : choices(scenario);
        for (Accelerator accelerator : accelerators) {
            Precision precision = precisionFor(accelerator, service.precision());
            if (precision == null
                    || scenario.catalog()
                            .servers()
                            .find(accelerator.serverName())
                            .isEmpty()) {
                continue;
            }
            Site site = PlanSupport.siteFor(service.site(), accelerator, scenario);
            int perServer = scenario.catalog()
                    .servers()
                    .find(accelerator.serverName())
                    .get()
                    .acceleratorsPerServer();
            ServingEfficiency efficiency =
                    ServingEfficiency.of(assumptions, scenario.catalog(), accelerator, site.network());
            Function<Parallelism, Candidate> evaluate = p -> evaluate(
                    service, accelerator, precision, p, site, efficiency, meanTokensPerSecond, peakTokensPerSecond);
            for (Parallelism p : layouts(service, perServer)) {
                candidates.add(evaluate.apply(p));
            }
            if (service.parallelism() == null) {
                List<Integer> tensors = tensors(service, perServer);
                for (int prefillTp : tensors) {
                    for (int decodeTp : tensors) {
                        disaggregated(candidates, prefillTp, decodeTp, evaluate);
                    }
                }
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !c.feasible())
                .thenComparingDouble(Candidate::usdPerMillionTokens));
        Candidate best = candidates.get(0);
        ServingShortfall shortfall = null;
        if (!best.feasible()) {
            for (Candidate c : candidates) {
                ServingShortfall s = shortfall(service, c);
                // Within 1 % the smaller replica is the closer one: PP adds no per-token speed.
                boolean closer = shortfall == null
                        || s.factor() < shortfall.factor() * 0.99
                        || (s.factor() < shortfall.factor() * 1.01
                                && c.parallelism.accelerators() < best.parallelism.accelerators());
                if (closer) {
                    shortfall = s;
                    best = c;
                }
            }
        }
        boolean feasible = best.feasible();
        List<InferencePlan.Alternative> alternatives = shown(candidates).stream()
                .map(c -> new InferencePlan.Alternative(
                        c.accelerator.name(),
                        c.parallelism.toString(),
                        c.feasible(),
                        c.performance.tokensPerSecond(),
                        c.accelerators,
                        c.usdPerMillionTokens))
                .toList();
        return new InferencePlan(
                service.name(),
                service.model().name(),
                best.accelerator.name(),
                best.parallelism.toString(),
                best.precision.key(),
                best.site.name(),
                feasible,
                peakTokensPerSecond,
                best.performance.tokensPerSecond(),
                best.parallelism.accelerators(),
                best.replicas,
                best.accelerators,
                best.performance.batch(),
                feasible ? best.performance.ttftSeconds() : Double.NaN,
                feasible ? best.performance.tpotSeconds() : Double.NaN,
                service.sloPercentile(),
                best.utilisation,
                Units.megawattHours(best.energyWhPerYear),
                Units.tonnes(Units.co2eKg(best.energyWhPerYear, best.site.grid().carbonIntensityGramsPerKwh())),
                best.usdPerMillionTokens,
                alternatives,
                shortfall == null ? null : shortfall.reason(),
                shortfall == null ? Double.NaN : shortfall.factor(),
                feasible ? itWattsByLoad(service, best) : List.of());
    }

    /** The chosen replica's IT power per accelerator at every {@link InferencePlan#LOAD_STEPS} step of load. */
    private List<Double> itWattsByLoad(InferenceService service, Candidate c) {
        Deployment unit = PlanSupport.unitDeployment(c.accelerator, c.accelerators, c.site.name(), economics);
        List<Double> watts = new ArrayList<>();
        for (int k = 0; k <= InferencePlan.LOAD_STEPS; k++) {
            double load = (double) k / InferencePlan.LOAD_STEPS;
            double accelerator = acceleratorWatts(
                    service, c.accelerator, c.precision, c.parallelism, c.efficiency, c.performance.batch(), load);
            watts.add(Economics.servingItWatts(unit, accelerator, load));
        }
        return watts;
    }

    /** {@code service}'s requests on a replica of {@code accelerator} laid out as {@code layout}. */
    private static ServingSetup setup(
            InferenceService service,
            Accelerator accelerator,
            Precision precision,
            Parallelism layout,
            ServingEfficiency efficiency) {
        return new ServingSetup(
                accelerator,
                service.model(),
                precision,
                layout,
                service.inputTokens(),
                service.outputTokens(),
                service.cachedInputShare(),
                efficiency);
    }

    /** Mean power of one accelerator of the replica at {@code load} of its throughput at {@code batch}, W. */
    private double acceleratorWatts(
            InferenceService service,
            Accelerator accelerator,
            Precision precision,
            Parallelism p,
            ServingEfficiency efficiency,
            long batch,
            double load) {
        return InferenceModel.acceleratorWatts(
                setup(service, accelerator, precision, p, efficiency), batch, load, powerShares);
    }

    private static ServingShortfall shortfall(InferenceService service, Candidate c) {
        return InferenceModel.shortfall(
                setup(service, c.accelerator, c.precision, c.parallelism, c.efficiency),
                service.ttftSloSeconds(),
                service.tpotSloSeconds());
    }

    private Candidate evaluate(
            InferenceService service,
            Accelerator accelerator,
            Precision precision,
            Parallelism p,
            Site site,
            ServingEfficiency efficiency,
            double meanTokensPerSecond,
            double peakTokensPerSecond) {
        ReplicaPerformance perf = service.sloAtPercentile()
                ? atPercentile(service, accelerator, precision, p, efficiency)
                : InferenceModel.replica(
                        setup(service, accelerator, precision, p, efficiency),
                        service.ttftSloSeconds(),
                        service.tpotSloSeconds());
        if (!perf.feasible()) {
            return new Candidate(
                    accelerator, precision, p, site, efficiency, perf, 0, 0, 0, 0, Double.POSITIVE_INFINITY);
        }
        long replicas = (long) Math.ceil(peakTokensPerSecond / perf.tokensPerSecond());
        long count = replicas * p.accelerators();
        double utilisation =
                Math.max(utilisationFloor, Math.min(1, meanTokensPerSecond / (replicas * perf.tokensPerSecond())));
        Deployment unit = PlanSupport.unitDeployment(accelerator, count, site.name(), economics);
        double acceleratorWatts =
                acceleratorWatts(service, accelerator, precision, p, efficiency, perf.batch(), utilisation);
        double itWatts = Economics.servingItWatts(unit, acceleratorWatts, utilisation);
        double energyWh = count * itWatts * site.meanPue() * Units.HOURS_PER_YEAR;
        double costPerYear = count * economics.usdPerAcceleratorHourAt(unit, site, itWatts) * Units.HOURS_PER_YEAR;
        double tokensPerYear = meanTokensPerSecond * Units.SECONDS_PER_YEAR;
        return new Candidate(
                accelerator,
                precision,
                p,
                site,
                efficiency,
                perf,
                replicas,
                count,
                utilisation,
                energyWh,
                costPerYear / (tokensPerYear / 1e6));
    }

    /**
     * A replica under Poisson arrivals at the largest rate whose TTFT and TPOT at the service's percentile
     * meet the objectives ({@link InferenceModel#server}): its output tokens/s, the latencies at that
     * percentile and its mean batch as the operating point.
     */
    private static ReplicaPerformance atPercentile(
            InferenceService service,
            Accelerator accelerator,
            Precision precision,
            Parallelism p,
            ServingEfficiency efficiency) {
        ServerPerformance s = InferenceModel.server(
                setup(service, accelerator, precision, p, efficiency),
                service.ttftSloSeconds(),
                service.tpotSloSeconds(),
                service.sloPercentile());
        if (!s.feasible()) {
            return new ReplicaPerformance(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        }
        return new ReplicaPerformance(
                0,
                Math.max(1, Math.round(s.meanBatch())),
                s.outputTokensPerSecond(),
                s.tpotSeconds(),
                s.ttftSeconds(),
                Double.NaN,
                Double.NaN,
                false);
    }

    /**
     * The candidates the plan lists as alternatives: every replica layout, but only the cheapest
     * disaggregated unit per accelerator (there are dozens of prefill/decode pairings); {@code candidates}
     * is sorted, feasible and cheapest first.
     */
    private static List<Candidate> shown(List<Candidate> candidates) {
        List<Candidate> shown = new ArrayList<>();
        Set<String> disaggregatedShown = new HashSet<>();
        for (Candidate c : candidates) {
            if (!c.parallelism.disaggregated() || disaggregatedShown.add(c.accelerator.name())) {
                shown.add(c);
            }
        }
        return shown;
    }

    /** With {@code accelerator: choose}: the fleet's accelerator types, or the whole catalog when there is no fleet. */
    private static List<Accelerator> choices(Scenario scenario) {
        if (scenario.fleet().isEmpty()) {
            return List.copyOf(scenario.catalog().accelerators().all());
        }
        return scenario.fleet().stream().map(Deployment::accelerator).distinct().toList();
    }

    /**
     * Tensor parallelism stays inside a server (powers of two up to its size); pipeline stages span servers;
     * only layouts the model's heads and layers allow ({@link ServingLayout}).
     */
    private static List<Parallelism> layouts(InferenceService service, int acceleratorsPerServer) {
        if (service.parallelism() != null) {
            return List.of(service.parallelism());
        }
        List<Parallelism> layouts = new ArrayList<>();
        for (int tp = 1; tp <= Math.min(acceleratorsPerServer, MAX_REPLICA_ACCELERATORS); tp *= 2) {
            for (int pp = 1; pp <= MAX_PIPELINE && tp * pp <= MAX_REPLICA_ACCELERATORS; pp *= 2) {
                if (ServingLayout.valid(service.model(), tp, pp)) {
                    layouts.add(new Parallelism(tp, pp));
                }
            }
        }
        return layouts;
    }

    /** The TP degrees (powers of two up to the server's accelerators) the model's heads allow with one stage. */
    private static List<Integer> tensors(InferenceService service, int acceleratorsPerServer) {
        List<Integer> tensors = new ArrayList<>();
        for (int tp = 1; tp <= Math.min(acceleratorsPerServer, MAX_REPLICA_ACCELERATORS); tp *= 2) {
            if (ServingLayout.valid(service.model(), tp, 1)) {
                tensors.add(tp);
            }
        }
        return tensors;
    }

    /**
     * Disaggregated units of {@code prefillTp} prefill and {@code decodeTp} decode instances: from one of
     * each, more prefill instances per decode instance while the cost per token falls, then more decode
     * instances per prefill instance while it falls, up to {@link #MAX_INSTANCES} of a kind and {@link
     * #MAX_REPLICA_ACCELERATORS} accelerators a unit (the cost against the ratio has one minimum, where
     * the prefill instances just keep the decode instances fed).
     */
    private static void disaggregated(
            List<Candidate> candidates, int prefillTp, int decodeTp, Function<Parallelism, Candidate> evaluate) {
        Candidate one = evaluate.apply(Parallelism.disaggregated(prefillTp, 1, decodeTp, 1, 1));
        candidates.add(one);
        for (boolean morePrefill : new boolean[] {true, false}) {
            Candidate last = one;
            for (int n = 2; n <= MAX_INSTANCES; n++) {
                Parallelism unit = morePrefill
                        ? Parallelism.disaggregated(prefillTp, n, decodeTp, 1, 1)
                        : Parallelism.disaggregated(prefillTp, 1, decodeTp, 1, n);
                if (unit.accelerators() > MAX_REPLICA_ACCELERATORS) {
                    break;
                }
                Candidate next = evaluate.apply(unit);
                candidates.add(next);
                if (!(next.usdPerMillionTokens() < last.usdPerMillionTokens())) {
                    break;
                }
                last = next;
            }
        }
    }

    /** The service's precision if the accelerator has it, else the nearest it has (FP8, BF16, FP16, INT8). */
    private static Precision precisionFor(Accelerator accelerator, Precision wanted) {
        if (wanted != null && accelerator.supports(wanted)) {
            return wanted;
        }
        for (Precision p : List.of(Precision.FP8, Precision.BF16, Precision.FP16, Precision.INT8)) {
            if (accelerator.supports(p)) {
                return p;
            }
        }
        return null;
    }

    private record Candidate(
            Accelerator accelerator,
            Precision precision,
            Parallelism parallelism,
            Site site,
            ServingEfficiency efficiency,
            ReplicaPerformance performance,
            long replicas,
            long accelerators,
            double utilisation,
            double energyWhPerYear,
            double usdPerMillionTokens) {
        boolean feasible() {
            return performance.feasible();
        }
    }
}
