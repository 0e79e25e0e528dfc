package dev.gigawatt.optimize;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationOptions;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Simulate-and-tighten: the chosen plan, written as a scenario, is simulated (seeded, replication 0,
 * the scenario's scheduler); every training job that misses its deadline has its runs stretched by
 * the measured overrun and every service that leaves some hour's demand unserved has its accelerators
 * scaled by the worst hour's shortfall, each plus {@link #MARGIN}, and the problem is solved again, for
 * at most a given number of rounds.
 */
public final class SimulationCheck {
    /** Added to every measured shortfall when a constraint is tightened, so one round usually suffices. */
    public static final double MARGIN = 0.01;

    private static final double DAY_SECONDS = 86_400;

    private SimulationCheck() {}

    /**
     * Checks {@code first}, the solution of {@code problem} (the build-out of {@code scenario}, read from
     * {@code yaml} with {@code catalog}), in at most {@code maxRounds} simulations.
     */
    public static Checked run(
            Scenario scenario, String yaml, Catalog catalog, BuildOut problem, Outcome first, int maxRounds) {
        if (maxRounds <= 0 || !first.feasible()) {
            return new Checked(first, Math.max(0, maxRounds), List.of(), scenario.seed(), "");
        }
        SchedulingPolicy policy = SchedulingPolicy.fromKey(scenario.simulation().scheduler());
        Map<String, Double> stretch = new LinkedHashMap<>();
        Map<String, Double> scale = new LinkedHashMap<>();
        List<Round> rounds = new ArrayList<>();
        Outcome current = first;
        for (int r = 1; r <= maxRounds; r++) {
            Scenario chosen = ScenarioReader.parse(PlanWriter.write(yaml, scenario, current), "plan.yaml", catalog);
            SimulationResult result =
                    FleetSimulator.simulate(chosen, new SimulationOptions(0, policy).withoutJobEvents());
            Measured m = measure(scenario.horizon().start(), current, result, stretch, scale);
            if (m.goals.stream().allMatch(Goal::met) || r == maxRounds) {
                rounds.add(new Round(r, m.goals, List.of(), List.of()));
                break;
            }
            m.tightenings.forEach(
                    t -> ("training".equals(t.kind()) ? stretch : scale).put(t.workload(), t.factorAfter()));
            Outcome next = Optimizer.solve(Tightened.of(problem, stretch, scale));
            rounds.add(new Round(r, m.goals, m.tightenings, next.conflicts()));
            if (!next.feasible()) {
                break;
            }
            current = next;
        }
        return new Checked(current, maxRounds, rounds, scenario.seed(), policy.key());
    }

    /** The goals of one simulated plan, and the tightenings its misses call for. */
    private record Measured(List<Goal> goals, List<Tightening> tightenings) {}

    private static Measured measure(
            LocalDate start,
            Outcome outcome,
            SimulationResult result,
            Map<String, Double> stretch,
            Map<String, Double> scale) {
        BuildOut p = outcome.problem();
        Decisions d = outcome.decisions();
        List<Goal> goals = new ArrayList<>();
        List<Tightening> tightenings = new ArrayList<>();
        List<Tightening> overstays = new ArrayList<>();
        double horizonSeconds = result.hours() * 3600.0;
        for (int j = 0; j < p.jobs().size(); j++) {
            BuildOut.Job job = p.jobs().get(j);
            BuildOut.JobOption o = job.options().get(d.jobOption()[j]);
            double f = stretch.getOrDefault(job.name(), 1.0);
            double plannerDays = o.days() / f;
            double startSeconds =
                    seconds(start, p.quarters().get(o.startQuarter()).start());
            double deadlineSeconds = seconds(start, job.deadline());
            JobRecord rec = result.jobs().stream()
                    .filter(k -> k.mix().isEmpty() && k.name().equals(job.name()))
                    .findFirst()
                    .orElse(null);
            boolean met = rec != null && rec.completed() && rec.endSeconds() <= deadlineSeconds + 1;
            double simDays;
            String how;
            if (rec != null && rec.completed()) {
                simDays = (rec.endSeconds() - startSeconds) / DAY_SECONDS;
                how = "finished " + date(start, rec.endSeconds());
            } else if (rec != null && !Double.isNaN(rec.startSeconds()) && rec.progress() > 0) {
                simDays = ((horizonSeconds - rec.startSeconds()) / rec.progress() + rec.startSeconds() - startSeconds)
                        / DAY_SECONDS;
                how = String.format(Locale.ROOT, "was %.0f%% done at the horizon's end", 100 * rec.progress());
            } else {
                simDays = 2 * o.days();
                how = "never ran";
            }
            goals.add(new Goal(
                    "training",
                    job.name(),
                    met,
                    String.format(
                            Locale.ROOT,
                            "training '%s' %s (planned %s, deadline %s)",
                            job.name(),
                            how,
                            o.end(),
                            job.deadline())));
            double ratio = simDays / plannerDays;
            boolean overstayed = o.endQuarter() < p.quarters().size()
                    && rec != null
                    && rec.completed()
                    && rec.endSeconds()
                            > seconds(start, p.quarters().get(o.endQuarter()).start());
            if (!met || overstayed) {
                double after = Math.max(f, ratio) * (1 + MARGIN);
                String why = met
                        ? "held its accelerators into "
                                + p.quarters().get(o.endQuarter()).label()
                                + ", which the plan gives to other workloads"
                        : "missed its deadline";
                Tightening t = new Tightening(
                        "training",
                        job.name(),
                        f,
                        after,
                        String.format(
                                Locale.ROOT,
                                "training '%s' %s: its run took %.1f days from its start against the planner's %.1f"
                                        + " (×%.3f, failures and queueing); every option now plans ×%.3f of the"
                                        + " planner's days (the overrun plus a %.0f%% margin): %s accelerator-hours"
                                        + " instead of %s",
                                job.name(),
                                why,
                                simDays,
                                plannerDays,
                                ratio,
                                after,
                                100 * MARGIN,
                                gpuHours(o.gpuHours() / f * after),
                                gpuHours(o.gpuHours() / f)));
                (met ? overstays : tightenings).add(t);
            }
        }
        for (int i = 0; i < p.services().size(); i++) {
            BuildOut.Service service = p.services().get(i);
            ServiceRecord rec = result.services().stream()
                    .filter(k -> k.name().equals(service.name()))
                    .findFirst()
                    .orElseThrow();
            boolean met = rec.hoursMet() >= rec.hours();
            goals.add(new Goal(
                    "inference",
                    service.name(),
                    met,
                    String.format(
                            Locale.ROOT,
                            "inference '%s' served all demand in %,d of %,d hours (%s of %s output tokens unserved)",
                            service.name(),
                            rec.hoursMet(),
                            rec.hours(),
                            tokens(rec.unmetTokens()),
                            tokens(rec.demandTokens()))));
            if (!met) {
                double g = scale.getOrDefault(service.name(), 1.0);
                double worst = worstHourShortfall(result, rec.site());
                double after = g * (1 + worst + MARGIN);
                BuildOut.ServiceOption o = service.options().get(d.serviceOption()[i]);
                long last = o.accelerators()[o.accelerators().length - 1];
                tightenings.add(new Tightening(
                        "inference",
                        service.name(),
                        g,
                        after,
                        String.format(
                                Locale.ROOT,
                                "inference '%s' left demand unserved (failed accelerators in repair, or training holding its pool; the"
                                        + " worst hour at %s %.2f%% short); every option now needs ×%.3f of the"
                                        + " planner's accelerators (the shortfall plus a %.0f%% margin): %,d at the"
                                        + " end instead of %,d",
                                service.name(),
                                rec.site(),
                                100 * worst,
                                after,
                                100 * MARGIN,
                                (long) Math.ceil(last / g * after - 1e-9),
                                last)));
            }
        }
        if (!tightenings.isEmpty()) {
            tightenings.addAll(overstays);
        }
        return new Measured(goals, tightenings);
    }

    /** The largest share of an hour's demand left unserved at {@code site}, 0..1. */
    private static double worstHourShortfall(SimulationResult result, String site) {
        double worst = 0;
        for (SiteSeries series : result.sites()) {
            if (!series.name().equals(site)) {
                continue;
            }
            for (int h = 0; h < series.hours(); h++) {
                double demand = series.demandTokens(h);
                if (demand > 0) {
                    worst = Math.max(worst, (demand - series.servedTokens(h)) / demand);
                }
            }
        }
        return worst;
    }

    private static double seconds(LocalDate start, LocalDate date) {
        return ChronoUnit.DAYS.between(start, date) * DAY_SECONDS;
    }

    private static String date(LocalDate start, double seconds) {
        return start.atStartOfDay().plusSeconds((long) seconds).toLocalDate().toString();
    }

    private static String tokens(double n) {
        if (n >= 1e12) {
            return String.format(Locale.ROOT, "%.2e", n);
        }
        if (n >= 1e9) {
            return String.format(Locale.ROOT, "%.2f B", n / 1e9);
        }
        return n >= 1e6 ? String.format(Locale.ROOT, "%.2f M", n / 1e6) : String.format(Locale.ROOT, "%,.0f", n);
    }

    private static String gpuHours(double h) {
        return h >= 1e9 ? String.format(Locale.ROOT, "%.2f B", h / 1e9) : String.format(Locale.ROOT, "%.1f M", h / 1e6);
    }
}
