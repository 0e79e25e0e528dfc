package dev.gigawatt.sim;

import dev.gigawatt.model.ReliabilityModel;
import dev.gigawatt.scenario.JobMix;
import dev.gigawatt.units.Units;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One job mix's stream of generated jobs, made one at a time as the simulation reaches them: the
 * next job is drawn when the one before it arrives, so only the jobs that have arrived and not
 * finished are in memory. The draws are the mix's own stream in a fixed order (gap to the next
 * arrival, size, duration per job), so when a job is made does not change what it is.
 */
final class MixArrivals {
    private final SimulationContext run;
    private final JobMix mix;
    private final Pool pool;
    private final Draws draws;
    private final double log2Min;
    private final double log2Max;
    private final long eMin;
    private final long[] gpusBySize;
    private final double[] mtbfBySize;
    private final double[] intervalBySize;
    private final double[] restartBySize;
    private final long failureStreams;
    private final long kindStreams;
    /** Index of the mix's first job among all the simulation's jobs. */
    final int firstIndex;
    /** Jobs the mix submits within the horizon. */
    final int count;
    /** Jobs made so far. */
    private int made;
    /** Arrival time of the last job made, s. */
    private double t;

    MixArrivals(SimulationContext run, JobMix mix, int firstIndex) {
        this.run = run;
        this.mix = mix;
        this.firstIndex = firstIndex;
        this.pool = run.pool(mix.site(), mix.accelerator().name());
        var reliability = run.scenario().reliability();
        double failuresPerHour = reliability.failuresPerAcceleratorHour(
                mix.accelerator(), run.scenario().catalog());
        log2Min = Math.log(mix.minAccelerators()) / Math.log(2);
        log2Max = Math.log(mix.maxAccelerators()) / Math.log(2);
        // A job's size is a power of two, 2^e for e in [eMin, eMax], and its MTBF, checkpoint
        // interval and restart time depend on the size alone: worked out once per size, not per job.
        eMin = Math.round(log2Min);
        int sizes = (int) (Math.round(log2Max) - eMin + 1);
        gpusBySize = new long[sizes];
        mtbfBySize = new double[sizes];
        intervalBySize = new double[sizes];
        restartBySize = new double[sizes];
        for (int e = 0; e < sizes; e++) {
            long gpus = Math.round(Math.pow(2, eMin + e));
            gpusBySize[e] = gpus;
            mtbfBySize[e] = ReliabilityModel.jobMtbfSeconds(gpus, failuresPerHour);
            intervalBySize[e] =
                    Math.max(ReliabilityModel.dalyIntervalSeconds(mix.checkpointWriteSeconds(), mtbfBySize[e]), 1);
            restartBySize[e] = reliability.restartSeconds(gpus);
        }
        failureStreams = RandomStreams.fnv1a64("failures/job/" + mix.name() + "-");
        kindStreams = RandomStreams.fnv1a64("failure-kind/job/" + mix.name() + "-");
        double first = Math.max(0, run.secondsSinceStart(mix.start()));
        // Counting the jobs first, on a copy of the stream, gives every job its index before any is made.
        int n = 0;
        Draws counting = new Draws(run, mix);
        for (double at = first; (at += counting.next()) < run.endSeconds(); ) {
            n++;
        }
        count = n;
        t = first;
        draws = new Draws(run, mix);
    }

    /**
     * The mix's stream, drawn in this order per job: the gap to its arrival, a uniform draw for its
     * size, a standard normal one for its duration.
     */
    private static final class Draws {
        private final UniformRandomProvider arrivals;
        private final ZigguratSampler.Exponential gaps;
        private final ZigguratSampler.NormalizedGaussian durations;
        /** The last job's size and duration draws. */
        double sizeDraw;

        double durationDraw;

        Draws(SimulationContext run, JobMix mix) {
            arrivals = run.streams().stream("jobmix/" + mix.name());
            gaps = ZigguratSampler.Exponential.of(arrivals, Units.SECONDS_PER_DAY / mix.arrivalsPerDay());
            durations = ZigguratSampler.NormalizedGaussian.of(arrivals);
        }

        /** Draws the next job; returns the gap to its arrival, s. */
        double next() {
            double gap = gaps.sample();
            sizeDraw = arrivals.nextDouble();
            durationDraw = durations.sample();
            return gap;
        }
    }

    /** True when every job of the mix has been made. */
    boolean exhausted() {
        return made == count;
    }

    /** The fault-kind stream of the mix's job {@code ordinal}: {@code failure-kind/job/<mix>-<ordinal>}. */
    UniformRandomProvider kindStream(int ordinal) {
        return run.streams().stream(kindStreams, ordinal);
    }

    /** True when {@code j} is the last job made so far, whose arrival makes the next. */
    boolean isNewest(JobState j) {
        return j.index == firstIndex + made - 1;
    }

    /** True when {@code index} is one of this mix's jobs. */
    boolean owns(int index) {
        return index >= firstIndex && index < firstIndex + count;
    }

    /** The pool the mix's jobs run in (null when the fleet has none of its accelerator at its site). */
    Pool pool() {
        return pool;
    }

    /**
     * Makes the mix's next job, submitted at its arrival time, in {@code reuse} (a finished job's state)
     * or, when that is null, in a new state; call only while not {@link #exhausted()}.
     */
    JobState next(JobState reuse) {
        if (exhausted()) {
            throw new IllegalStateException("job mix " + mix.name() + " has no job after its " + count + "th");
        }
        t += draws.next();
        int size = (int) (Math.round(log2Min + (log2Max - log2Min) * draws.sizeDraw) - eMin);
        long gpus = gpusBySize[size];
        // Log-normal compute time: the median × e^(spread × a standard normal draw).
        double compute = mix.medianDurationSeconds() * Math.exp(mix.durationSpread() * draws.durationDraw);
        made++;
        JobState j = reuse != null ? reuse : new JobState();
        j.reset(
                firstIndex + made - 1,
                null, // named <mix>-<ordinal> when a record or the event log asks
                mix.accelerator().name(),
                mix.priority(),
                gpus,
                pool,
                compute,
                intervalBySize[size],
                mix.checkpointWriteSeconds(),
                restartBySize[size],
                mtbfBySize[size],
                run.streams().seed(failureStreams, made), // failures/job/<name>
                t);
        j.mix = mix.name();
        j.ordinal = made;
        j.arrivals = this;
        j.preemptible = mix.preemptible();
        return j;
    }
}
