package dev.gigawatt.plan;

import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.JobMix;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.scenario.TrainingJob;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Warnings a planner needs beyond the fit check and the budget: accelerators that no workload uses,
 * training jobs that cannot run as written, lose half their time or have no spares for their failed
 * accelerators, and capex that lands before a site has power.
 */
final class PlanWarnings {
    /** A pool idle for more than this share of its days in service in the horizon is reported. */
    static final double IDLE_SHARE = 0.5;
    /** A training job with an ETTR below this is reported. */
    static final double LOW_ETTR = 0.5;

    private PlanWarnings() {}

    static List<String> of(
            Scenario scenario,
            List<Deployment> deployments,
            List<TrainingPlan> training,
            List<InferencePlan> inference) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scenario.training().size(); i++) {
            TrainingJob job = scenario.training().get(i);
            TrainingPlan plan = training.get(i);
            if (job.sequenceLength() > job.model().contextLength()) {
                out.add(String.format(
                        Locale.ROOT,
                        "training job '%s' uses sequences of %,d tokens, beyond %s's context of %,d",
                        job.name(),
                        job.sequenceLength(),
                        job.model().name(),
                        job.model().contextLength()));
            }
            if (plan.ettr() < LOW_ETTR) {
                out.add(String.format(
                        Locale.ROOT,
                        "training job '%s' spends only %.0f%% of its wall time on useful work (ETTR below %.0f%%):"
                                + " failures, checkpoints and restarts take the rest",
                        job.name(),
                        100 * plan.ettr(),
                        100 * LOW_ETTR));
            }
        }
        out.addAll(poolsWithoutSpares(scenario, deployments, training));
        out.addAll(idlePools(scenario, deployments, training, inference));
        out.addAll(capexBeforeEnergisation(scenario, deployments));
        return out;
    }

    /**
     * Training jobs that need nearly their whole pool while failed accelerators wait for repair: with
     * {@code N} accelerators each failing at rate {@code λ} and repaired in {@code R}, about {@code N·λ·R} are
     * in repair at any time (Poisson), so a job of {@code n} runs only while at most {@code N − n} are. When
     * that is less likely than not, the simulator's job mostly waits for repairs, a cost the planner's ETTR
     * (restarts and lost work only) does not see.
     */
    private static List<String> poolsWithoutSpares(
            Scenario scenario, List<Deployment> deployments, List<TrainingPlan> training) {
        List<String> out = new ArrayList<>();
        double repairHours = scenario.reliability().repairTimeSeconds() / 3600;
        for (int i = 0; i < training.size(); i++) {
            TrainingJob job = scenario.training().get(i);
            TrainingPlan plan = training.get(i);
            long pool = 0;
            for (Deployment d : deployments) {
                if (d.site().equals(plan.site()) && d.accelerator().name().equals(plan.accelerator())) {
                    pool += d.count();
                }
            }
            long spare = pool - plan.gpus();
            if (pool <= 0 || spare < 0) {
                continue;
            }
            double rate = scenario.reliability().failuresPerAcceleratorHour(job.accelerator(), scenario.catalog());
            double inRepair = pool * rate * repairHours;
            if (inRepair <= 0) {
                continue;
            }
            double runnable = PoissonDistribution.of(inRepair)
                    .cumulativeProbability((int) Math.min(spare, Integer.MAX_VALUE - 1));
            if (runnable < 0.5) {
                out.add(String.format(
                        Locale.ROOT,
                        "training job '%s' needs %,d of the %,d %s at %s, but about %,.0f of them are in repair at any"
                                + " time (each failing every %,.0f h, repaired in %,.0f h): the job can run only %.0f%% of the"
                                + " time; leave at least %,d spare or ask for fewer",
                        job.name(),
                        plan.gpus(),
                        pool,
                        plan.accelerator(),
                        plan.site(),
                        inRepair,
                        1 / rate,
                        repairHours,
                        100 * runnable,
                        (long) Math.ceil(inRepair + 3 * Math.sqrt(inRepair))));
            }
        }
        return out;
    }

    /** Pools (site × accelerator type) that no workload uses for most of their days in the horizon. */
    private static List<String> idlePools(
            Scenario scenario,
            List<Deployment> deployments,
            List<TrainingPlan> training,
            List<InferencePlan> inference) {
        LocalDate start = scenario.horizon().start();
        LocalDate end = scenario.horizon().end();
        Map<String, LocalDate> firstInService = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Deployment d : deployments) {
            if (d.inService().isBefore(end)) {
                String key = key(d.site(), d.accelerator().name());
                firstInService.merge(key, later(d.inService(), start), (a, b) -> a.isBefore(b) ? a : b);
                counts.merge(key, d.count(), Long::sum);
            }
        }
        List<String> out = new ArrayList<>();
        for (var e : firstInService.entrySet()) {
            String key = e.getKey();
            LocalDate from = e.getValue();
            boolean[] used = new boolean[(int) Math.max(0, ChronoUnit.DAYS.between(from, end))];
            for (int i = 0; i < training.size(); i++) {
                TrainingPlan t = training.get(i);
                if (key.equals(key(t.site(), t.accelerator()))) {
                    LocalDate s = later(scenario.training().get(i).start(), from);
                    // A run longer than what is left of the horizon (or not finite) uses the pool to its end.
                    boolean toEnd = !(t.wallClockDays() < ChronoUnit.DAYS.between(s, end));
                    mark(used, from, s, toEnd ? end : s.plusDays((long) Math.ceil(t.wallClockDays())));
                }
            }
            for (JobMix m : scenario.jobMix()) {
                if (key.equals(key(m.site(), m.accelerator().name()))) {
                    mark(used, from, later(m.start(), from), end);
                }
            }
            for (int i = 0; i < inference.size(); i++) {
                InferencePlan p = inference.get(i);
                InferenceService s = scenario.inference().get(i);
                if (key.equals(key(p.site(), p.accelerator()))) {
                    mark(used, from, later(s.start(), from), end);
                }
            }
            int idle = 0;
            for (boolean u : used) {
                idle += u ? 0 : 1;
            }
            if (used.length > 0 && idle > IDLE_SHARE * used.length) {
                String[] parts = key.split("\u0000");
                out.add(String.format(
                        Locale.ROOT,
                        "%,d %s at %s have no workload for %d of their %d days in service in the horizon",
                        counts.get(key),
                        parts[1],
                        parts[0],
                        idle,
                        used.length));
            }
        }
        return out;
    }

    /** Deployments that enter service at a site before it has any grid capacity. */
    private static List<String> capexBeforeEnergisation(Scenario scenario, List<Deployment> deployments) {
        List<String> out = new ArrayList<>();
        for (Deployment d : deployments) {
            Site site = scenario.site(d.site());
            if (site != null && site.capacityWatts(d.inService()) <= 0) {
                out.add(String.format(
                        Locale.ROOT,
                        "%,d %s at %s enter service (and are bought) on %s, before the site is energised",
                        d.count(),
                        d.accelerator().name(),
                        d.site(),
                        d.inService()));
            }
        }
        return out;
    }

    private static void mark(boolean[] used, LocalDate base, LocalDate from, LocalDate to) {
        int a = (int) Math.max(0, ChronoUnit.DAYS.between(base, from));
        int b = (int) Math.min(used.length, ChronoUnit.DAYS.between(base, to));
        for (int i = a; i < b; i++) {
            used[i] = true;
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || a.isBefore(b) ? b : a;
    }

    private static String key(String site, String accelerator) {
        return site + "\u0000" + accelerator;
    }
}
