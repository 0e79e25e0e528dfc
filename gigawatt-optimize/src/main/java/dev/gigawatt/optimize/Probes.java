package dev.gigawatt.optimize;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.ServerSpec;
import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Horizon;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.scenario.TrainingJob;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the planner for the optimiser's coefficients: each one is read from {@link Planner#plan} on a
 * small scenario built from the input (one deployment, one job or one service, sites without grid
 * steps so no facility capex mixes in), so the optimiser and {@code gigawatt plan} never disagree on a
 * formula.
 */
final class Probes {
    /** Accelerators in an economics probe: enough that per-accelerator figures lose no precision. */
    private static final long UNIT_PROBE = 1000;

    private final Scenario base;
    private final Planner planner = new Planner(Assumptions.builtIn());
    private final List<Site> sites;
    private final Map<String, Optional<TrainingPlan>> trainings = new HashMap<>();

    Probes(Scenario base) {
        this.base = base;
        this.sites = base.sites().stream().map(s -> s.withCapacity(List.of())).toList();
    }

    /** Unit economics of one accelerator-year of {@code a} at {@code site}, from the planner's site and fleet answers. */
    record Unit(
            double facilityWatts,
            double tcoUsdPerYear,
            double co2eKgPerYear,
            double itCapexUsd,
            double opexUsdPerYear) {}

    Unit unit(Accelerator a, double priceUsd, String site) {
        LocalDate start = base.horizon().start();
        Plan plan = plan(List.of(deployment(a, priceUsd, UNIT_PROBE, site)), List.of(), List.of(), start.plusDays(365));
        SitePlan sitePlan = plan.sites().stream()
                .filter(s -> s.name().equals(site))
                .findFirst()
                .orElseThrow();
        FleetPlan fleet = plan.fleet();
        return new Unit(
                sitePlan.peakFacilityPowerMw() * 1e6 / UNIT_PROBE,
                fleet.tcoUsdPerYear() / UNIT_PROBE,
                sitePlan.co2eTonnesPerYearMarket() * 1000 / UNIT_PROBE,
                fleet.capexUsd() / UNIT_PROBE,
                fleet.opexUsdPerYear() / UNIT_PROBE);
    }

    /** The planner's revenue per year of the input scenario as written (its services' demand without growth), USD/year. */
    double revenueUsdPerYear() {
        return planner.plan(base).fleet().revenueUsdPerYear();
    }

    /** The planner's answer for {@code job} on {@code a} at {@code site}, or null when it cannot run there. */
    TrainingPlan training(TrainingJob job, Accelerator a, double priceUsd, String site) {
        String key = job.name() + "\n" + a.name() + "\n" + site;
        return trainings
                .computeIfAbsent(key, k -> Optional.ofNullable(probeTraining(job, a, priceUsd, site)))
                .orElse(null);
    }

    private TrainingPlan probeTraining(TrainingJob job, Accelerator a, double priceUsd, String site) {
        boolean supported = job.stages().stream().allMatch(p -> a.supports(p.precision()));
        if (!supported) {
            return null;
        }
        TrainingJob moved = new TrainingJob(
                job.name(),
                job.model(),
                job.tokens(),
                job.gpus(),
                a,
                job.precision(),
                job.mfu(),
                job.sequenceLength(),
                job.checkpointBytes(),
                job.checkpointWriteBytesPerSecond(),
                job.checkpointIntervalSeconds(),
                job.start(),
                site,
                job.priority(),
                job.globalBatch(),
                job.layout(),
                job.network(),
                job.phases());
        try {
            Plan plan = plan(
                    List.of(deployment(a, priceUsd, job.gpus(), site)),
                    List.of(moved),
                    List.of(),
                    base.horizon().end());
            TrainingPlan t = plan.training().get(0);
            return Double.isFinite(t.wallClockDays()) && t.wallClockDays() > 0 ? t : null;
        } catch (RuntimeException e) {
            return null; // a layout the job fixes that this accelerator cannot run: not an option
        }
    }

    /**
     * Accelerators the planner sizes for {@code service} on {@code a} at {@code site} for the peak demand
     * at {@code date} (the demand grows from the horizon's start as the planner grows it), or -1 when no
     * layout meets the objectives.
     */
    long serving(InferenceService service, Accelerator a, String site, LocalDate date) {
        InferenceService moved = new InferenceService(
                service.name(),
                service.model(),
                service.dailyActiveUsers(),
                service.requestsPerUserPerDay(),
                service.inputTokens(),
                service.outputTokens(),
                service.cachedInputShare(),
                service.ttftSloSeconds(),
                service.tpotSloSeconds(),
                service.sloPercentile(),
                service.peakToMean(),
                service.growthPerYear(),
                a,
                service.parallelism(),
                service.precision(),
                site,
                service.start());
        try {
            InferencePlan p =
                    plan(List.of(), List.of(), List.of(moved), date).inference().get(0);
            return p.feasible() ? p.accelerators() : -1;
        } catch (RuntimeException e) {
            return -1; // no server or precision for this accelerator: not an option
        }
    }

    /** A batch of {@code count} of {@code a} at {@code site}: shaped like the fleet's own batches of it, else its catalog server. */
    Deployment deployment(Accelerator a, double priceUsd, long count, String site) {
        LocalDate start = base.horizon().start();
        for (Deployment d : base.fleet()) {
            if (d.accelerator().name().equals(a.name())) {
                double price = Double.isNaN(priceUsd) ? d.priceUsd() : priceUsd;
                return new Deployment(
                        a, d.server(), count, site, start, d.acceleratorsPerServer(), d.serversPerRack(), price);
            }
        }
        ServerSpec server = base.catalog().servers().find(a.serverName()).orElseThrow();
        double price = Double.isNaN(priceUsd) ? base.finance().priceUsd(a) : priceUsd;
        return new Deployment(
                a, server, count, site, start, server.acceleratorsPerServer(), server.serversPerRack(), price);
    }

    private Plan plan(
            List<Deployment> fleet, List<TrainingJob> training, List<InferenceService> inference, LocalDate end) {
        Scenario probe = new Scenario(
                base.name(),
                "",
                base.seed(),
                new Horizon(base.horizon().start(), end),
                sites,
                fleet,
                training,
                inference,
                base.finance(),
                base.reliability(),
                base.catalog(),
                base.simulation(),
                List.of(),
                null);
        return planner.plan(probe);
    }
}
