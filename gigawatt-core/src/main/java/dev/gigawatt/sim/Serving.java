package dev.gigawatt.sim;

import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.units.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * Inference services in the simulator. Each day a service reserves the replicas its busiest hour
 * needs (replica throughput within the SLOs from the planner's roofline model), as far as idle
 * accelerators of its pool allow; every hour it serves the demand of the diurnal curve, grown at its
 * yearly rate, up to the capacity it holds. Unserved demand counts against SLO attainment.
 *
 * <p>With {@code lendServingTrough}, only the replicas the current hour needs serve; the rest of
 * the reservation is lent to preemptible training jobs and reclaimed (by preemption) when demand
 * rises again. Without it, the whole reservation serves all day at lower utilisation.
 */
final class Serving {
    private final SimulationContext run;
    private final Training training;
    private final boolean lending;
    private final List<Service> services = new ArrayList<>();

    /** One service's state. */
    private static final class Service {
        final InferenceService spec;
        final InferencePlan plan;
        final Pool pool;
        final Diurnal diurnal;
        long reserved;
        long active;
        long peakReserved;
        int startHour;
        double demandTokens;
        double servedTokens;
        int hoursMet;

        Service(InferenceService spec, InferencePlan plan, Pool pool) {
            this.spec = spec;
            this.plan = plan;
            this.pool = pool;
            this.diurnal = new Diurnal(spec.peakToMean());
        }

        /** Demand in hour {@code h} of the horizon, output tokens per second (0 before the service starts). */
        double demand(int h) {
            if (h < startHour) {
                return 0;
            }
            double growth = Math.pow(1 + spec.growthPerYear(), h / Units.HOURS_PER_YEAR);
            return spec.outputTokensPerDay() / Units.SECONDS_PER_DAY * growth * diurnal.factor(h % 24);
        }

        long replicasFor(double tokensPerSecond) {
            return (long) Math.ceil(tokensPerSecond / plan.tokensPerSecondPerReplica() - 1e-9);
        }
    }

    Serving(SimulationContext run, Training training) {
        this.run = run;
        this.training = training;
        this.lending = run.scenario().simulation().lendServingTrough();
        for (int i = 0; i < run.scenario().inference().size(); i++) {
            InferencePlan plan = run.inferencePlan(i);
            Pool pool = plan.feasible() ? run.pool(plan.site(), plan.accelerator()) : null;
            Service s = new Service(run.scenario().inference().get(i), plan, pool);
            s.startHour = (int) Math.max(0, run.secondsSinceStart(s.spec.start()) / Units.SECONDS_PER_HOUR);
            services.add(s);
        }
    }

    void hour(int h) {
        if (h % 24 == 0) {
            reserveForDay(h);
        }
        int pools = run.pools().size();
        long[] target = new long[pools];
        for (Service s : services) {
            if (s.pool != null) {
                s.active = lending ? Math.min(s.reserved, s.replicasFor(s.demand(h))) : s.reserved;
                target[s.pool.index] += s.active * s.plan.acceleratorsPerReplica();
            }
        }
        for (Pool p : run.pools()) {
            long want = Math.min(target[p.index], p.servingReserved);
            if (want > p.serving) {
                long need = want - p.serving;
                if (p.idle() - p.spares < need) {
                    training.reclaim(p, need + p.spares);
                }
                p.serving += Math.max(0, Math.min(need, p.idle() - p.spares));
            } else {
                p.serving = want;
            }
        }
        double[] wattsByPool = new double[pools];
        double[] acceleratorsByPool = new double[pools];
        for (Service s : services) {
            double demand = s.demand(h);
            double capacity = 0;
            double accelerators = 0;
            if (s.pool != null && target[s.pool.index] > 0) {
                double share = Math.min(1, (double) s.pool.serving / target[s.pool.index]);
                capacity = s.active * s.plan.tokensPerSecondPerReplica() * share;
                accelerators = s.active * s.plan.acceleratorsPerReplica() * share;
            }
            double served = Math.min(demand, capacity);
            s.demandTokens += demand * Units.SECONDS_PER_HOUR;
            s.servedTokens += served * Units.SECONDS_PER_HOUR;
            if (h >= s.startHour && served >= demand * (1 - 1e-9)) {
                s.hoursMet++;
            }
            if (s.pool != null) {
                // Each service's accelerators draw what its replica draws at this hour's share of its
                // throughput (ServingPower by phase, host share included), not a line from idle to busy.
                double load = capacity > 0 ? served / capacity : 0;
                wattsByPool[s.pool.index] += accelerators * s.plan.itWattsAtLoad(load);
                acceleratorsByPool[s.pool.index] += accelerators;
                SiteSeries series = run.series(s.pool.site);
                series.servedTokens[h] += served * Units.SECONDS_PER_HOUR;
                series.demandTokens[h] += demand * Units.SECONDS_PER_HOUR;
            }
        }
        for (Pool p : run.pools()) {
            p.servingItWatts = acceleratorsByPool[p.index] > 0
                    ? wattsByPool[p.index] / acceleratorsByPool[p.index]
                    : p.itWattsIdle;
        }
    }

    /** Reserves, for each service, the replicas of the coming day's busiest hour, as far as its pool allows. */
    private void reserveForDay(int h) {
        for (Service s : services) {
            if (s.pool == null) {
                continue;
            }
            double peak = 0;
            for (int k = h; k < Math.min(h + 24, run.hours()); k++) {
                peak = Math.max(peak, s.demand(k));
            }
            int n = s.plan.acceleratorsPerReplica();
            long available = s.reserved * n + s.pool.free();
            long replicas = Math.min(s.replicasFor(peak), available / n);
            s.pool.servingReserved += (replicas - s.reserved) * n;
            s.reserved = replicas;
            s.peakReserved = Math.max(s.peakReserved, replicas);
        }
    }

    List<ServiceRecord> records() {
        List<ServiceRecord> records = new ArrayList<>();
        for (Service s : services) {
            records.add(new ServiceRecord(
                    s.spec.name(),
                    s.plan.site(),
                    s.plan.accelerator(),
                    s.plan.parallelism(),
                    s.peakReserved,
                    s.demandTokens,
                    s.servedTokens,
                    Math.max(0, run.hours() - s.startHour),
                    s.hoursMet));
        }
        return records;
    }
}
