package dev.gigawatt.sim;

import dev.gigawatt.model.ReliabilityModel;
import dev.gigawatt.plan.PhasePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.JobMix;
import dev.gigawatt.scenario.TrainingJob;
import dev.gigawatt.units.Units;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Builds the simulator's jobs: the scenario's explicit training jobs, then each job mix's generated stream. */
final class JobFactory {
    private JobFactory() {}

    /** True when a job's phases run on different numbers of accelerators. */
    private static boolean phasesDiffer(TrainingPlan planned) {
        return planned.phases().stream().mapToLong(PhasePlan::gpus).distinct().count() > 1;
    }

    /**
     * A job whose phases run on different numbers of accelerators becomes a chain of gang-scheduled
     * jobs, one per phase: each holds only its own accelerators, fails at its own size's rate, and the
     * next is submitted when it completes (and may queue for accelerators).
     */
    private static void addPhases(SimulationContext run, List<JobState> jobs, TrainingJob job, TrainingPlan planned) {
        var reliability = run.scenario().reliability();
        double rate = reliability.failuresPerAcceleratorHour(
                job.accelerator(), run.scenario().catalog());
        Pool pool = run.pool(planned.site(), job.accelerator().name());
        JobState previous = null;
        for (PhasePlan phase : planned.phases()) {
            String name = job.name() + " / " + phase.name();
            double mtbf = ReliabilityModel.jobMtbfSeconds(phase.gpus(), rate);
            double interval = Double.isNaN(job.checkpointIntervalSeconds())
                    ? ReliabilityModel.dalyIntervalSeconds(planned.checkpointWriteSeconds(), mtbf)
                    : job.checkpointIntervalSeconds();
            JobState j = new JobState(
                    jobs.size(),
                    name,
                    job.accelerator().name(),
                    job.priority(),
                    phase.gpus(),
                    pool,
                    phase.computeSeconds(),
                    Math.max(interval, 1),
                    planned.checkpointWriteSeconds(),
                    reliability.restartSeconds(phase.gpus()),
                    mtbf,
                    run.streams().stream("failures/job/" + name),
                    previous == null ? Math.max(0, run.secondsSinceStart(job.start())) : Double.NaN);
            j.kinds = run.streams().stream("failure-kind/job/" + name);
            if (previous != null) {
                j.chained = true;
                previous.next = j.index;
            }
            jobs.add(j);
            previous = j;
        }
    }

    static List<JobState> jobs(SimulationContext run) {
        List<JobState> jobs = new ArrayList<>();
        var reliability = run.scenario().reliability();
        var catalog = run.scenario().catalog();
        List<TrainingJob> specs = run.scenario().training();
        for (int i = 0; i < specs.size(); i++) {
            TrainingJob job = specs.get(i);
            TrainingPlan planned = run.trainingPlan(i);
            if (phasesDiffer(planned)) {
                addPhases(run, jobs, job, planned);
                continue;
            }
            double compute = planned.computeSeconds();
            jobs.add(new JobState(
                    jobs.size(),
                    job.name(),
                    job.accelerator().name(),
                    job.priority(),
                    job.gpus(),
                    run.pool(planned.site(), job.accelerator().name()),
                    compute,
                    planned.checkpointIntervalMinutes() * 60,
                    planned.checkpointWriteSeconds(),
                    reliability.restartSeconds(job.gpus()),
                    ReliabilityModel.jobMtbfSeconds(
                            job.gpus(), reliability.failuresPerAcceleratorHour(job.accelerator(), catalog)),
                    run.streams().stream("failures/job/" + job.name()),
                    Math.max(0, run.secondsSinceStart(job.start()))));
            jobs.get(jobs.size() - 1).kinds = run.streams().stream("failure-kind/job/" + job.name());
        }
        for (JobMix mix : run.scenario().jobMix()) {
            UniformRandomProvider arrivals = run.streams().stream("jobmix/" + mix.name());
            // One stream per mix, drawn in this order per job: gap to the next arrival, size, duration.
            ZigguratSampler.Exponential gaps =
                    ZigguratSampler.Exponential.of(arrivals, Units.SECONDS_PER_DAY / mix.arrivalsPerDay());
            ZigguratSampler.NormalizedGaussian durations = ZigguratSampler.NormalizedGaussian.of(arrivals);
            Pool pool = run.pool(mix.site(), mix.accelerator().name());
            double log2Min = Math.log(mix.minAccelerators()) / Math.log(2);
            double log2Max = Math.log(mix.maxAccelerators()) / Math.log(2);
            double t = Math.max(0, run.secondsSinceStart(mix.start()));
            int n = 0;
            JobState previous = null;
            double failuresPerHour = reliability.failuresPerAcceleratorHour(mix.accelerator(), catalog);
            long failureStreams = RandomStreams.fnv1a64("failures/job/" + mix.name() + "-");
            long kindStreams = RandomStreams.fnv1a64("failure-kind/job/" + mix.name() + "-");
            // A job's size is a power of two, 2^e for e in [eMin, eMax], and its MTBF, checkpoint
            // interval and restart time depend on the size alone: worked out once per size, not per job.
            long eMin = Math.round(log2Min);
            int sizes = (int) (Math.round(log2Max) - eMin + 1);
            long[] gpusBySize = new long[sizes];
            double[] mtbfBySize = new double[sizes];
            double[] intervalBySize = new double[sizes];
            double[] restartBySize = new double[sizes];
            for (int e = 0; e < sizes; e++) {
                long gpus = Math.round(Math.pow(2, eMin + e));
                gpusBySize[e] = gpus;
                mtbfBySize[e] = ReliabilityModel.jobMtbfSeconds(gpus, failuresPerHour);
                intervalBySize[e] =
                        Math.max(ReliabilityModel.dalyIntervalSeconds(mix.checkpointWriteSeconds(), mtbfBySize[e]), 1);
                restartBySize[e] = reliability.restartSeconds(gpus);
            }
            while (true) {
                t += gaps.sample();
                if (t >= run.endSeconds()) {
                    break;
                }
                int size = (int) (Math.round(log2Min + (log2Max - log2Min) * arrivals.nextDouble()) - eMin);
                long gpus = gpusBySize[size];
                // Log-normal compute time: the median × e^(spread × a standard normal draw).
                double compute = mix.medianDurationSeconds() * Math.exp(mix.durationSpread() * durations.sample());
                n++;
                String name = mix.name() + "-" + n;
                JobState j = new JobState(
                        jobs.size(),
                        name,
                        mix.accelerator().name(),
                        mix.priority(),
                        gpus,
                        pool,
                        compute,
                        intervalBySize[size],
                        mix.checkpointWriteSeconds(),
                        restartBySize[size],
                        mtbfBySize[size],
                        run.streams().stream(failureStreams, n), // failures/job/<name>
                        t);
                j.mix = mix.name();
                j.kinds = run.streams().stream(kindStreams, n); // failure-kind/job/<name>
                j.preemptible = mix.preemptible();
                if (previous != null) {
                    // One pending arrival per mix: each job's arrival schedules the next one's.
                    previous.nextArrival = j.index;
                    previous.nextArrivalSeconds = t;
                    j.chained = true;
                }
                jobs.add(j);
                previous = j;
            }
        }
        return jobs;
    }
}
