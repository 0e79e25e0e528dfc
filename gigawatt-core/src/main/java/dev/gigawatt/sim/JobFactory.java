package dev.gigawatt.sim;

import dev.gigawatt.model.ReliabilityModel;
import dev.gigawatt.plan.PhasePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.JobMix;
import dev.gigawatt.scenario.TrainingJob;
import java.util.ArrayList;
import java.util.List;

/** Builds the simulator's jobs: the scenario's explicit training jobs, then each job mix's stream of generated ones. */
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
            JobState j = new JobState()
                    .reset(
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
                            run.streams().seed("failures/job/" + name),
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

    static Jobs jobs(SimulationContext run) {
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
            jobs.add(new JobState()
                    .reset(
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
                            run.streams().seed("failures/job/" + job.name()),
                            Math.max(0, run.secondsSinceStart(job.start()))));
            jobs.get(jobs.size() - 1).kinds = run.streams().stream("failure-kind/job/" + job.name());
        }
        List<MixArrivals> mixes = new ArrayList<>();
        int next = jobs.size();
        for (JobMix mix : run.scenario().jobMix()) {
            MixArrivals arrivals = new MixArrivals(run, mix, next);
            mixes.add(arrivals);
            next += arrivals.count;
        }
        return new Jobs(jobs, mixes, run.options().recordJobs());
    }
}
