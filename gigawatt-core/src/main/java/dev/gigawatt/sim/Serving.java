package dev.gigawatt.sim;

import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.units.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * Inference services in the simulator. Each day a service reserves the replicas its busiest hour
 * needs (replica throughput within the SLOs from the planner's roofline model), taking idle
 * accelerators of its pool; every hour it serves the demand of the diurnal curve, grown at its
 * yearly rate, up to the capacity it holds. Unserved demand counts against SLO attainment.
 */
final class Serving {
    private final FleetSimulator.Run run;
    private final List<Service> services = new ArrayList<>();

    /** One service's state. */
    private static final class Service {
        final InferenceService spec;
        final InferencePlan plan;
        final Pool pool;
        final Diurnal diurnal;
        long reserved;
        int startHour;
        long peakReserved;
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
    }

    Serving(FleetSimulator.Run run) {
        this.run = run;
        for (int i = 0; i < run.services().size(); i++) {
            InferencePlan plan = run.inferencePlan(i);
            Pool pool = plan.feasible() ? run.pool(plan.site(), plan.accelerator()) : null;
            Service s = new Service(run.services().get(i), plan, pool);
            s.startHour = (int) Math.max(0, run.secondsSinceStart(s.spec.start()) / Units.SECONDS_PER_HOUR);
            services.add(s);
        }
    }

    void hour(int h) {
        if (h % 24 == 0) {
            reserveForDay(h);
        }
        for (Pool p : run.pools) {
            p.servingUtilisation = 0;
        }
        double[] capacityByPool = new double[run.pools.size()];
        double[] servedByPool = new double[run.pools.size()];
        for (Service s : services) {
            double demand = s.demand(h);
            double capacity = 0;
            if (s.pool != null) {
                double reservedAccelerators = (double) s.reserved * s.plan.acceleratorsPerReplica();
                double heldShare = reservedAccelerators == 0
                        ? 0
                        : Math.min(1, s.pool.serving / Math.max(reservedAccelerators, totalReserved(s.pool)));
                capacity = s.reserved * s.plan.tokensPerSecondPerReplica() * heldShare;
            }
            double served = Math.min(demand, capacity);
            s.demandTokens += demand * Units.SECONDS_PER_HOUR;
            s.servedTokens += served * Units.SECONDS_PER_HOUR;
            if (h >= s.startHour && served >= demand * (1 - 1e-9)) {
                s.hoursMet++;
            }
            if (s.pool != null) {
                capacityByPool[s.pool.index] += capacity;
                servedByPool[s.pool.index] += served;
                SiteSeries series = run.series.get(s.pool.site);
                series.servedTokens[h] += served * Units.SECONDS_PER_HOUR;
                series.demandTokens[h] += demand * Units.SECONDS_PER_HOUR;
            }
        }
        for (Pool p : run.pools) {
            p.servingUtilisation = capacityByPool[p.index] > 0 ? servedByPool[p.index] / capacityByPool[p.index] : 0;
        }
    }

    private double totalReserved(Pool pool) {
        double total = 0;
        for (Service s : services) {
            if (s.pool == pool) {
                total += (double) s.reserved * s.plan.acceleratorsPerReplica();
            }
        }
        return total;
    }

    /** Reserves, for each service, the replicas of the coming day's busiest hour, as far as its pool allows. */
    private void reserveForDay(int h) {
        for (Service s : services) {
            if (s.pool == null) {
                continue;
            }
            double peak = 0;
            for (int k = h; k < Math.min(h + 24, run.hours); k++) {
                peak = Math.max(peak, s.demand(k));
            }
            long needed = (long) Math.ceil(peak / s.plan.tokensPerSecondPerReplica() - 1e-9);
            int n = s.plan.acceleratorsPerReplica();
            long current = s.reserved * n;
            long available = current + s.pool.free();
            long replicas = Math.min(needed, available / n);
            s.pool.serving += (replicas - s.reserved) * n;
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
                    Math.max(0, run.hours - s.startHour),
                    s.hoursMet));
        }
        return records;
    }
}
