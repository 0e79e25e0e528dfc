package dev.gigawatt.optimize;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.model.ConstructionSpend;
import dev.gigawatt.model.CostModel;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.CapacityStep;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Finance;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.Optimization;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.scenario.TrainingJob;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a scenario with an {@code optimize:} section into a {@link BuildOut}, every coefficient from the planner. */
public final class Coefficients {
    private Coefficients() {}

    /** The build-out of {@code scenario}, which must have an {@code optimize:} section. */
    public static BuildOut of(Scenario scenario) {
        Optimization opt = scenario.optimization();
        Finance finance = scenario.finance();
        List<Quarter> quarters =
                Quarter.of(scenario.horizon().start(), scenario.horizon().end());
        Map<String, Accelerator> accelerators = new LinkedHashMap<>();
        Map<String, Optimization.Candidate> candidates = new LinkedHashMap<>();
        for (Optimization.Candidate c : opt.accelerators()) {
            accelerators.put(c.accelerator().name(), c.accelerator());
            candidates.put(c.accelerator().name(), c);
        }
        scenario.fleet().forEach(d -> accelerators.putIfAbsent(d.accelerator().name(), d.accelerator()));
        scenario.training()
                .forEach(j -> accelerators.putIfAbsent(j.accelerator().name(), j.accelerator()));
        List<Accelerator> types = List.copyOf(accelerators.values());
        List<Site> sites = scenario.sites();
        Probes probes = new Probes(scenario);

        List<BuildOut.Kind> kinds = new ArrayList<>();
        for (Accelerator a : types) {
            Optimization.Candidate c = candidates.get(a.name());
            double price = c == null ? Double.NaN : c.priceUsd();
            int first = c == null || c.available() == null ? 0 : firstQuarterFrom(quarters, c.available());
            double itCapex = probes.unit(a, price, sites.get(0).name()).itCapexUsd();
            kinds.add(new BuildOut.Kind(
                    a.name(), a.vendor(), c != null, itCapex, first, c == null ? 0 : c.deliveriesPerQuarter(), price));
        }
        double[][] watts = new double[types.size()][sites.size()];
        double[][] tco = new double[types.size()][sites.size()];
        double[][] co2e = new double[types.size()][sites.size()];
        double[][] npvUnit = new double[types.size()][sites.size()];
        for (int t = 0; t < types.size(); t++) {
            for (int s = 0; s < sites.size(); s++) {
                Probes.Unit unit = probes.unit(
                        types.get(t), kinds.get(t).priceUsd(), sites.get(s).name());
                watts[t][s] = unit.facilityWatts();
                tco[t][s] = unit.tcoUsdPerYear();
                co2e[t][s] = unit.co2eKgPerYear();
                npvUnit[t][s] = Npv.unit(finance, unit.itCapexUsd(), unit.opexUsdPerYear());
            }
        }
        List<BuildOut.Place> places = new ArrayList<>();
        for (Site site : sites) {
            boolean buyable = opt.sites().isEmpty() || opt.sites().contains(site.name());
            double[] capacity =
                    quarters.stream().mapToDouble(q -> lowestCapacity(site, q)).toArray();
            places.add(new BuildOut.Place(site.name(), buyable, capacity));
        }
        long[][][] fixed = new long[types.size()][sites.size()][quarters.size()];
        long[][][] drawing = new long[types.size()][sites.size()][quarters.size()];
        for (Deployment d : scenario.fleet()) {
            int t = types.indexOf(d.accelerator());
            int s = indexOfSite(sites, d.site());
            for (Quarter q : quarters) {
                fixed[t][s][q.index()] += d.inService().isAfter(q.start()) ? 0 : d.count();
                drawing[t][s][q.index()] += d.inService().isBefore(q.end()) ? d.count() : 0;
            }
        }
        List<BuildOut.Budget> budgets = new ArrayList<>();
        opt.budgetsUsdByYear().forEach((year, usd) -> budgets.add(new BuildOut.Budget(year, usd)));
        List<BuildOut.Step> steps = new ArrayList<>();
        for (Optimization.StepOption o : opt.capacitySteps()) {
            double cost = Double.isNaN(o.costUsd()) ? o.powerWatts() * finance.facilityCostUsdPerWatt() : o.costUsd();
            double[][] share = new double[quarters.size()][budgets.size()];
            for (Quarter q : quarters) {
                for (int b = 0; b < budgets.size(); b++) {
                    int year = budgets.get(b).year();
                    share[q.index()][b] = ConstructionSpend.shareWithin(
                            q.start(),
                            finance.constructionLeadYears(),
                            LocalDate.of(year, 1, 1),
                            LocalDate.of(year + 1, 1, 1));
                }
            }
            steps.add(new BuildOut.Step(
                    o.name(),
                    indexOfSite(sites, o.site()),
                    o.powerWatts(),
                    firstQuarterFrom(quarters, o.earliest()),
                    cost,
                    share));
        }
        List<BuildOut.Job> jobs = new ArrayList<>();
        for (TrainingJob job : scenario.training()) {
            LocalDate deadline =
                    opt.deadlines().getOrDefault(job.name(), scenario.horizon().end());
            List<BuildOut.JobOption> options = jobOptions(job, deadline, types, kinds, sites, quarters, probes);
            jobs.add(new BuildOut.Job(
                    job.name(), job.gpus(), deadline, options, fastest(job, types, kinds, sites, probes)));
        }
        List<BuildOut.Service> services = new ArrayList<>();
        for (InferenceService service : scenario.inference()) {
            services.add(new BuildOut.Service(service.name(), serviceOptions(service, types, sites, quarters, probes)));
        }
        return new BuildOut(
                opt.objective(),
                quarters,
                kinds,
                places,
                fixed,
                drawing,
                watts,
                tco,
                co2e,
                steps,
                jobs,
                services,
                budgets,
                CostModel.capitalRecoveryFactor(finance.costOfCapital(), finance.facilityDepreciationYears()),
                opt.maxCo2eKg(),
                opt.maxVendorShare(),
                opt.timeLimitSeconds(),
                new Npv(
                        npvUnit,
                        steps.stream()
                                .mapToDouble(k -> Npv.step(finance, k.costUsd()))
                                .toArray(),
                        finance.costOfCapital(),
                        "npv".equals(opt.objective()) ? Npv.revenue(finance, probes.revenueUsdPerYear()) : 0,
                        finance.evaluationYears()));
    }

    /**
     * {@code p}, the build-out of {@code scenario}, with candidate type {@code t}'s price × {@code factor}:
     * its IT capex and cost of ownership asked of the planner again at that price. Nothing else depends
     * on the price (workloads' days and sizes, power, emissions), so nothing else is probed.
     */
    public static BuildOut repriced(Scenario scenario, BuildOut p, int t, double factor) {
        BuildOut.Kind kind = p.types().get(t);
        Accelerator a = scenario.optimization().accelerators().stream()
                .map(Optimization.Candidate::accelerator)
                .filter(c -> c.name().equals(kind.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kind.name() + " is not a candidate"));
        Probes probes = new Probes(scenario);
        List<Site> sites = scenario.sites();
        double price = Double.isNaN(kind.priceUsd())
                ? probes.deployment(a, Double.NaN, 1, sites.get(0).name()).priceUsd()
                : kind.priceUsd();
        double moved = price * factor;
        double[][] tco = new double[p.types().size()][];
        for (int i = 0; i < tco.length; i++) {
            tco[i] = p.tcoUsdPerYear()[i].clone();
        }
        for (int s = 0; s < sites.size(); s++) {
            tco[t][s] = probes.unit(a, moved, sites.get(s).name()).tcoUsdPerYear();
        }
        double itCapex = probes.unit(a, moved, sites.get(0).name()).itCapexUsd();
        double[][] npvUnit = new double[p.types().size()][];
        for (int i = 0; i < npvUnit.length; i++) {
            npvUnit[i] = p.npv().unitUsd()[i].clone();
        }
        for (int s = 0; s < sites.size(); s++) {
            Probes.Unit unit = probes.unit(a, moved, sites.get(s).name());
            npvUnit[t][s] = Npv.unit(scenario.finance(), unit.itCapexUsd(), unit.opexUsdPerYear());
        }
        List<BuildOut.Kind> kinds = new ArrayList<>(p.types());
        kinds.set(
                t,
                new BuildOut.Kind(
                        kind.name(),
                        kind.vendor(),
                        kind.buyable(),
                        itCapex,
                        kind.firstQuarter(),
                        kind.deliveriesPerQuarter(),
                        moved));
        return new BuildOut(
                p.objective(),
                p.quarters(),
                kinds,
                p.sites(),
                p.fixed(),
                p.drawing(),
                p.facilityWatts(),
                tco,
                p.co2eKgPerYear(),
                p.steps(),
                p.jobs(),
                p.services(),
                p.budgets(),
                p.facilityRecoveryPerYear(),
                p.maxCo2eKg(),
                p.maxVendorShare(),
                p.timeLimitSeconds(),
                new Npv(
                        npvUnit,
                        p.npv().stepUsd(),
                        p.npv().rate(),
                        p.npv().revenueUsd(),
                        p.npv().years()));
    }

    private static List<BuildOut.JobOption> jobOptions(
            TrainingJob job,
            LocalDate deadline,
            List<Accelerator> types,
            List<BuildOut.Kind> kinds,
            List<Site> sites,
            List<Quarter> quarters,
            Probes probes) {
        List<BuildOut.JobOption> options = new ArrayList<>();
        int earliest = job.start() == null ? 0 : firstQuarterFrom(quarters, job.start());
        for (int t = 0; t < types.size(); t++) {
            for (int s = 0; s < sites.size(); s++) {
                TrainingPlan plan = probes.training(
                        job, types.get(t), kinds.get(t).priceUsd(), sites.get(s).name());
                if (plan == null) {
                    continue;
                }
                long days = (long) Math.ceil(plan.wallClockDays());
                for (int q = earliest; q < quarters.size(); q++) {
                    LocalDate end = quarters.get(q).start().plusDays(days);
                    if (end.isAfter(deadline)) {
                        break;
                    }
                    int endQuarter = q + 1;
                    while (endQuarter < quarters.size()
                            && quarters.get(endQuarter).start().isBefore(end)) {
                        endQuarter++;
                    }
                    options.add(
                            new BuildOut.JobOption(t, s, q, endQuarter, plan.wallClockDays(), plan.gpuHours(), end));
                }
            }
        }
        return options;
    }

    private static List<BuildOut.ServiceOption> serviceOptions(
            InferenceService service,
            List<Accelerator> types,
            List<Site> sites,
            List<Quarter> quarters,
            Probes probes) {
        List<BuildOut.ServiceOption> options = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            for (int s = 0; s < sites.size(); s++) {
                long[] need = new long[quarters.size()];
                boolean feasible = true;
                for (Quarter q : quarters) {
                    boolean started = service.start() == null || service.start().isBefore(q.end());
                    need[q.index()] = started
                            ? probes.serving(service, types.get(t), sites.get(s).name(), q.end())
                            : 0;
                    feasible &= need[q.index()] >= 0;
                }
                if (feasible) {
                    options.add(new BuildOut.ServiceOption(t, s, need));
                }
            }
        }
        return options;
    }

    /** The shortest run of {@code job} in words, to explain a deadline no option meets. */
    private static String fastest(
            TrainingJob job, List<Accelerator> types, List<BuildOut.Kind> kinds, List<Site> sites, Probes probes) {
        TrainingPlan best = null;
        for (int t = 0; t < types.size(); t++) {
            for (Site site : sites) {
                TrainingPlan plan =
                        probes.training(job, types.get(t), kinds.get(t).priceUsd(), site.name());
                if (plan != null && (best == null || plan.wallClockDays() < best.wallClockDays())) {
                    best = plan;
                }
            }
        }
        return best == null
                ? "no accelerator considered can run it"
                : String.format(
                        Locale.ROOT,
                        "its shortest run takes %.0f days (%s at %s), quarters starting from %s",
                        Math.ceil(best.wallClockDays()),
                        best.accelerator(),
                        best.site(),
                        job.start());
    }

    /** The first quarter starting on or after {@code date} (the number of quarters when none does). */
    static int firstQuarterFrom(List<Quarter> quarters, LocalDate date) {
        for (Quarter q : quarters) {
            if (!q.start().isBefore(date)) {
                return q.index();
            }
        }
        return quarters.size();
    }

    /** The lowest grid capacity in force at any time in {@code q}, W. */
    private static double lowestCapacity(Site site, Quarter q) {
        double lowest = site.capacityWatts(q.start());
        for (CapacityStep step : site.capacity()) {
            if (step.from().isAfter(q.start()) && step.from().isBefore(q.end())) {
                lowest = Math.min(lowest, step.powerWatts());
            }
        }
        return lowest;
    }

    private static int indexOfSite(List<Site> sites, String name) {
        for (int s = 0; s < sites.size(); s++) {
            if (sites.get(s).name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no site " + name);
    }
}
