package dev.gigawatt.sim;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.model.CarbonProfile;
import dev.gigawatt.model.FacilityOverhead;
import dev.gigawatt.model.MarketBasedIntensity;
import dev.gigawatt.model.PowerCapModel;
import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Money;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.units.Units;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * The discrete-event fleet simulator: plays a scenario forward hour by hour and event by event:
 * deployments arrive, training jobs queue, start, checkpoint, fail, restart and finish, services
 * follow their diurnal demand, and every site's power, energy, water and emissions are integrated.
 *
 * <p>Accelerators are aggregated into {@link Pool}s (one per site and type); a job's failures are
 * one Poisson process with the summed rate of its accelerators; failed parts wait in a repair
 * queue. Every component draws from its own named random stream, so the same scenario, seed and
 * replication give identical results, and adding a job does not change another's failure times.
 */
public final class FleetSimulator {
    static final int TICK = 0;
    static final int DEPLOY = 1;
    static final int ARRIVE = 2;
    static final int SEGMENT_END = 3;
    static final int FAILURE = 4;
    static final int RESTART = 5;
    static final int REPAIR = 6;
    static final int RETIRE = 7;

    private final Scenario scenario;
    private final Plan plan;
    private final SimulationOptions options;

    public FleetSimulator(Scenario scenario, Plan plan, SimulationOptions options) {
        this.scenario = scenario;
        this.plan = plan;
        this.options = options;
    }

    /** Plans and simulates {@code scenario} with the built-in assumptions. */
    public static SimulationResult simulate(Scenario scenario, SimulationOptions options) {
        Plan plan = new Planner(Assumptions.builtIn()).plan(scenario);
        return new FleetSimulator(scenario, plan, options).run(p -> {});
    }

    /** Runs the simulation; {@code progress} hears the share of the horizon done (0..1) once a simulated day. */
    public SimulationResult run(DoubleConsumer progress) {
        Run run = new Run();
        return run.execute(progress);
    }

    /** The mutable state of one run; a fresh one per call keeps {@link FleetSimulator} reusable. */
    private final class Run implements SimulationContext {
        final LocalDate start = scenario.horizon().start();
        final int hours = (int) (scenario.horizon().days() * 24);
        final double endSeconds = hours * Units.SECONDS_PER_HOUR;
        final RandomStreams streams = new RandomStreams(scenario.seed(), options.replication());
        final EventQueue queue = new EventQueue(1024, endSeconds);
        final List<Pool> pools = new ArrayList<>();
        final List<Deployment> deployments = Planner.fleetFor(scenario, plan);
        final List<SiteSeries> series = new ArrayList<>();
        /** Per site and hour, the reference IT energy the site's PUE is stated at: installed fleet at its utilisation, MWh. */
        final double[][] referenceItMwh;

        final Training training;
        final Serving serving;
        final double powerCapFloor = Assumptions.builtIn().fraction("sim.powerCapFloor");
        final double busyFraction = Assumptions.builtIn().fraction("power.busyFractionOfNameplate");
        final double stallDynamicShare = Assumptions.builtIn().fraction("power.trainingStallDynamicShare");
        final double powerCapExponent = Assumptions.builtIn().number("sim.powerCapExponent");
        double now;
        int hour;
        long events;
        /** The insertion sequence number of hour 0's tick; hour h's is this plus h. */
        long tickSequence;

        Run() {
            for (Site site : scenario.sites()) {
                series.add(new SiteSeries(site.name(), hours));
            }
            referenceItMwh = new double[scenario.sites().size()][hours];
            for (Deployment d : deployments) {
                poolFor(d);
            }
            training = new Training(this);
            serving = new Serving(this, training);
        }

        Pool poolFor(Deployment d) {
            int site = siteIndex(d.site());
            for (Pool p : pools) {
                if (p.site == site
                        && p.unit.accelerator().name().equals(d.accelerator().name())) {
                    return p;
                }
            }
            double hostIdle = d.server().hostIdlePowerWatts() / d.acceleratorsPerServer();
            double full = (d.accelerator().tdpWatts() + d.server().hostPowerWatts() / d.acceleratorsPerServer())
                    * busyFraction;
            double idle = d.accelerator().idlePowerWatts() + hostIdle;
            Pool p = new Pool(
                    pools.size(),
                    site,
                    d,
                    full,
                    idle,
                    streams.stream(
                            "failures/pool/" + d.site() + "/" + d.accelerator().name()),
                    scenario.reliability().failuresPerAcceleratorHour(d.accelerator(), scenario.catalog()),
                    scenario.sites().get(site).averageUtilisation(),
                    stallDynamicShare);
            pools.add(p);
            return p;
        }

        @Override
        public Pool pool(String site, String accelerator) {
            int s = siteIndex(site);
            for (Pool p : pools) {
                if (p.site == s && p.unit.accelerator().name().equals(accelerator)) {
                    return p;
                }
            }
            return null;
        }

        int siteIndex(String name) {
            for (int i = 0; i < scenario.sites().size(); i++) {
                if (scenario.sites().get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException("no site " + name);
        }

        @Override
        public double secondsSinceStart(LocalDate date) {
            return ChronoUnit.DAYS.between(start, date) * Units.SECONDS_PER_DAY;
        }

        SimulationResult execute(DoubleConsumer progress) {
            for (int i = 0; i < deployments.size(); i++) {
                double t = Math.max(0, secondsSinceStart(deployments.get(i).inService()));
                if (t < endSeconds) {
                    queue.add(t, DEPLOY, i, 0);
                }
                double retire = secondsSinceStart(deployments.get(i).inService())
                        + scenario.finance().depreciationYears() * Units.SECONDS_PER_YEAR;
                if (retire < endSeconds) {
                    queue.add(Math.max(t, retire), RETIRE, i, 0);
                }
            }
            training.schedule();
            // One pending hourly tick, each at the sequence number it would have had queued up front.
            tickSequence = queue.reserveSequences(hours);
            if (hours > 0) {
                queue.addReserved(0, TICK, 0, 0, tickSequence);
            }
            while (!queue.isEmpty() && queue.peekTime() < endSeconds) {
                queue.poll();
                events++;
                int kind = queue.kind();
                // A job's event and a repair change their pool alone, so only that pool is integrated
                // up to now; the others integrate later, over their whole unchanged stretch.
                Pool touched =
                        switch (kind) {
                            case ARRIVE, SEGMENT_END, FAILURE, RESTART -> training.poolOf(queue.first());
                            case REPAIR -> pools.get(queue.first());
                            default -> null;
                        };
                double[][] before = null;
                assert (before = poolStates()) != null; // with assertions on (tests): check the claim
                if (touched == null) {
                    advanceTo(queue.time());
                } else {
                    now = queue.time();
                    integrate(touched, now);
                }
                switch (kind) {
                    case TICK -> tick(queue.first(), progress);
                    case DEPLOY -> deploy(queue.first());
                    case ARRIVE -> training.arrive(queue.first());
                    case SEGMENT_END -> training.segmentEnd(queue.first(), queue.second());
                    case FAILURE -> training.failure(queue.first(), queue.second());
                    case RESTART -> training.restart(queue.first(), queue.second());
                    case REPAIR -> repair(queue.first(), queue.second());
                    case RETIRE -> retire(queue.first());
                    default -> throw new IllegalStateException("unknown event kind " + kind);
                }
                assert touched == null || onlyChanged(before, touched)
                        : "event kind " + kind + " changed a pool other than " + touched.index;
            }
            advanceTo(endSeconds);
            finishSeries();
            progress.accept(1);
            Jobs.Ended jobs = training.end(endSeconds);
            return new SimulationResult(
                    scenario.name(),
                    scenario.seed(),
                    options.replication(),
                    start,
                    hours,
                    series,
                    jobs.records(),
                    jobs.totals(),
                    training.events(),
                    serving.records(),
                    events,
                    Money.of(scenario, deployments, start, scenario.horizon().end()));
        }

        /** Integrates every pool up to {@code t}, which becomes now. */
        void advanceTo(double t) {
            for (Pool p : pools) {
                integrate(p, t);
            }
            now = t;
        }

        /**
         * Adds the pool's power and accelerator states, unchanged since it was last integrated, to the
         * current hour's bins up to {@code t}. Every tick integrates every pool, so the stretch never
         * crosses an hour.
         */
        void integrate(Pool p, double t) {
            double dt = t - p.integratedTo;
            if (dt > 0 && hour < hours) {
                double dtHours = dt / Units.SECONDS_PER_HOUR;
                SiteSeries s = series.get(p.site);
                s.itEnergyMwh[hour] += Units.megawatts(p.itWatts()) * dtHours;
                referenceItMwh[p.site][hour] += Units.megawatts(referenceItWatts(p)) * dtHours;
                s.trainingGpuHours[hour] += p.training * dtHours;
                s.servingGpuHours[hour] += p.serving * dtHours;
                s.idleGpuHours[hour] += p.idle() * dtHours;
                s.repairGpuHours[hour] += p.inRepair * dtHours;
            }
            p.integratedTo = Math.max(p.integratedTo, t);
        }

        /** Every pool's counts and draw, to check (with assertions on) what an event changed. */
        private double[][] poolStates() {
            double[][] states = new double[pools.size()][];
            for (int i = 0; i < states.length; i++) {
                Pool p = pools.get(i);
                states[i] = new double[] {
                    p.installed, p.training, p.trainingStalled, p.serving, p.inRepair, p.itWatts(), p.rate
                };
            }
            return states;
        }

        /** True when no pool but {@code touched} differs from {@code before}. */
        private boolean onlyChanged(double[][] before, Pool touched) {
            double[][] after = poolStates();
            for (int i = 0; i < after.length; i++) {
                if (i != touched.index && !Arrays.equals(before[i], after[i])) {
                    return false;
                }
            }
            return true;
        }

        /** The pool's share of its site's reference IT load: installed accelerators at the site's utilisation, W. */
        double referenceItWatts(Pool p) {
            return p.installed * (p.itWattsIdle + (p.itWattsFull - p.itWattsIdle) * p.siteUtilisation);
        }

        void tick(int h, DoubleConsumer progress) {
            hour = h;
            if (h + 1 < hours) {
                queue.addReserved((h + 1) * Units.SECONDS_PER_HOUR, TICK, h + 1, 0, tickSequence + h + 1);
            }
            serving.hour(h);
            capPower(h);
            for (Pool p : pools) {
                if (p.retiring > 0) {
                    retireIdle(p);
                }
            }
            int[] running = training.runningJobsBySite(series.size());
            for (int s = 0; s < series.size(); s++) {
                series.get(s).runningJobs[h] = running[s];
            }
            training.schedule();
            if (h > 0) {
                // The hour's failures of idle and serving accelerators, pool by pool: drawn here, not
                // as one event per pool, in the order and from the streams such events would use.
                for (Pool p : pools) {
                    idleFailures(p);
                }
            }
            if (h % 24 == 0) {
                progress.accept((double) h / hours);
            }
        }

        /**
         * Applies each site's grid capacity for hour {@code h}: when the site would draw more, its
         * training accelerators are power-capped (down to a floor) and their throughput falls by the
         * power/performance curve; serving is never capped. The cap holds for the hour.
         */
        void capPower(int h) {
            LocalDate date = start.plusDays(h / 24);
            for (int s = 0; s < series.size(); s++) {
                Site site = scenario.sites().get(s);
                int month = date.getMonthValue() - 1;
                double uncappedIt = 0;
                double reference = 0;
                double reducible = 0;
                for (Pool p : pools) {
                    if (p.site == s) {
                        double old = p.throttle;
                        p.throttle = 1;
                        uncappedIt += p.itWatts();
                        p.throttle = old;
                        reference += referenceItWatts(p);
                        reducible +=
                                p.trainingComputing() * p.unit.accelerator().tdpWatts();
                    }
                }
                double capacity = site.capacityWatts(date);
                double throttle = 1;
                if (site.facilityWatts(uncappedIt, reference, month) > capacity && reducible > 0) {
                    double within = FacilityOverhead.itWattsWithin(
                            capacity, reference, site.pueByMonth().get(month), site.overheadFixedShare());
                    throttle = Math.max(powerCapFloor, 1 - (uncappedIt - within) / reducible);
                }
                double rate = PowerCapModel.throughput(throttle, powerCapExponent);
                series.get(s).trainingThroughput[h] = rate;
                for (Pool p : pools) {
                    if (p.site == s && p.throttle != throttle) {
                        double oldRate = p.rate;
                        p.throttle = throttle;
                        p.rate = rate;
                        training.rateChanged(p, oldRate);
                    }
                }
            }
        }

        /** A deployment reaches the end of its service life: its accelerators leave as they become idle. */
        void retire(int index) {
            Deployment d = deployments.get(index);
            Pool p = poolFor(d);
            p.retiring += d.count();
            retireIdle(p);
        }

        /** Removes accelerators awaiting retirement from the pool's idle ones. */
        void retireIdle(Pool p) {
            long take = Math.min(p.retiring, Math.max(0, p.idle() - Math.max(0, p.servingReserved - p.serving)));
            p.installed -= take;
            p.retiring -= take;
        }

        void deploy(int index) {
            Deployment d = deployments.get(index);
            Pool p = poolFor(d);
            p.installed += d.count();
            p.spares = (long) Math.floor(p.installed * scenario.reliability().hotSpareFraction());
            training.schedulePool(p);
        }

        /** A failed part (one accelerator, or a failure domain's) comes back from repair. */
        void repair(int pool, int count) {
            Pool p = pools.get(pool);
            p.inRepair -= count;
            training.schedulePool(p); // only this pool's counts changed
        }

        /** Failures of accelerators that are not training (idle and serving) in the last hour. */
        void idleFailures(Pool p) {
            long exposed = p.idle() + p.serving;
            double mean = exposed * p.failuresPerHour;
            long failed = mean > 0
                    ? Math.min(exposed, PoissonSampler.of(p.failures, mean).sample())
                    : 0;
            for (long i = 0; i < failed; i++) {
                if (p.idle() == 0) {
                    p.serving--;
                }
                sendToRepair(p, 1);
            }
        }

        /**
         * Moves {@code count} accelerators of {@code p}, one failed part (an accelerator, or a server
         * or tray that a hardware fault took out whole), into repair and schedules their return
         * together: the part is repaired and comes back as one.
         */
        @Override
        public void sendToRepair(Pool p, int count) {
            p.inRepair += count;
            double repair = p.repairs.sample() * scenario.reliability().repairTimeSeconds();
            queue.add(now + repair, REPAIR, p.index, count);
        }

        void finishSeries() {
            for (int s = 0; s < series.size(); s++) {
                Site site = scenario.sites().get(s);
                SiteSeries out = series.get(s);
                double price = electricityPrice(site);
                CarbonProfile profile = CarbonProfile.of(site.grid());
                MarketBasedIntensity market = MarketBasedIntensity.of(site.grid(), site.renewableShare());
                for (int h = 0; h < hours; h++) {
                    LocalDate date = start.plusDays(h / 24);
                    double facility =
                            site.facilityWatts(out.itEnergyMwh[h], referenceItMwh[s][h], date.getMonthValue() - 1);
                    out.facilityEnergyMwh[h] = facility;
                    out.capacityMw[h] = Units.megawatts(site.capacityWatts(date));
                    double gramsPerKwh =
                            site.grid().carbonIntensityGramsPerKwh() * profile.factor(date.getMonthValue(), h % 24);
                    out.co2eTonnesLocation[h] = Units.co2eTonnesFromMwh(facility, gramsPerKwh);
                    out.co2eTonnesMarket[h] = Units.co2eTonnesFromMwh(facility, market.hourlyGramsPerKwh(gramsPerKwh));
                    out.waterM3[h] = (out.itEnergyMwh[h] * site.wueLitresPerKwh()
                                    + facility * site.grid().waterIntensityLitresPerKwh())
                            * 1e3
                            / Units.LITRES_PER_CUBIC_METRE;
                    out.energyCostUsd[h] = facility * price;
                }
            }
        }

        double electricityPrice(Site site) {
            return scenario.electricityPriceUsdPerMwh(site);
        }

        @Override
        public double now() {
            return now;
        }

        @Override
        public int hours() {
            return hours;
        }

        @Override
        public double endSeconds() {
            return endSeconds;
        }

        @Override
        public RandomStreams streams() {
            return streams;
        }

        @Override
        public List<Pool> pools() {
            return pools;
        }

        @Override
        public SiteSeries series(int site) {
            return series.get(site);
        }

        @Override
        public void schedule(double timeSeconds, int kind, int first, int second) {
            queue.add(timeSeconds, kind, first, second);
        }

        @Override
        public Scenario scenario() {
            return scenario;
        }

        @Override
        public SimulationOptions options() {
            return options;
        }

        @Override
        public TrainingPlan trainingPlan(int job) {
            return plan.training().get(job);
        }

        @Override
        public InferencePlan inferencePlan(int service) {
            return plan.inference().get(service);
        }
    }
}
