package dev.gigawatt.sim;

import dev.gigawatt.model.TrainingModel;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.TrainingJob;
import dev.gigawatt.units.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Training jobs in the simulator: gang-scheduled onto their site's pool by FIFO or EASY backfill,
 * computing in segments of one checkpoint interval, interrupted by failures (one Poisson process
 * per job with the summed rate of its accelerators), losing the work since the last checkpoint,
 * swapping the failed accelerator for a healthy one and restarting after the restart overhead.
 */
final class Training {
    private final FleetSimulator.Run run;
    private final JobState[] jobs;
    private final List<JobState> queued = new ArrayList<>();
    private final List<JobEvent> log = new ArrayList<>();
    private final SchedulingPolicy policy;

    Training(FleetSimulator.Run run) {
        this.run = run;
        this.policy = run.options().policy();
        List<TrainingJob> specs = run.jobs();
        jobs = new JobState[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            TrainingJob job = specs.get(i);
            TrainingPlan planned = run.trainingPlan(i);
            Pool pool = run.pool(planned.site(), job.accelerator().name());
            double flops = TrainingModel.flops(
                    job.model().activeParameters(),
                    job.tokens(),
                    job.model().layers(),
                    job.model().hiddenSize(),
                    job.sequenceLength());
            double compute = TrainingModel.computeSeconds(
                    flops, job.gpus(), job.accelerator().peakFlops(job.precision()), job.mfu());
            double mtbf = 3600.0 / (job.gpus() * run.scenario().reliability().failuresPerAcceleratorHour());
            double submit = Math.max(0, run.secondsSinceStart(job.start()));
            jobs[i] = new JobState(
                    i,
                    job,
                    pool,
                    compute,
                    planned.checkpointIntervalMinutes() * 60,
                    planned.checkpointWriteSeconds(),
                    run.scenario().reliability().restartOverheadSeconds(),
                    mtbf,
                    run.streams.stream("failures/job/" + job.name()),
                    submit);
            if (pool != null && submit < run.endSeconds) {
                run.queue.add(submit, FleetSimulator.ARRIVE, i, 0);
            }
        }
    }

    void arrive(int index) {
        JobState j = jobs[index];
        j.state = JobState.QUEUED;
        queued.add(j);
        log(j, "submit", 0);
        schedule();
    }

    /** Gives free accelerators to jobs waiting for a replacement, then starts queued jobs by the policy. */
    void schedule() {
        for (JobState j : jobs) {
            if (j.state == JobState.WAITING_REPLACEMENT) {
                replacementsAvailable(j.pool);
            }
        }
        if (queued.isEmpty()) {
            return;
        }
        for (Pool pool : run.pools) {
            List<JobState> waiting = new ArrayList<>();
            for (JobState j : queued) {
                if (j.pool == pool) {
                    waiting.add(j);
                }
            }
            if (waiting.isEmpty()) {
                continue;
            }
            if (policy == SchedulingPolicy.PRIORITY) {
                waiting.sort(Comparator.comparingInt((JobState j) -> -j.spec.priority())
                        .thenComparingInt(j -> j.index));
            }
            schedulePool(pool, waiting);
        }
    }

    private void schedulePool(Pool pool, List<JobState> waiting) {
        while (!waiting.isEmpty() && waiting.get(0).gpus <= pool.free()) {
            start(waiting.remove(0));
        }
        if (waiting.isEmpty()) {
            return;
        }
        JobState head = waiting.get(0);
        if (policy != SchedulingPolicy.EASY_BACKFILL || waiting.size() < 2) {
            return;
        }
        // EASY backfill: reserve the earliest time the head can start (the shadow time); a later job may
        // start now if it fits and ends before the shadow time, or uses only accelerators the head will not need.
        List<JobState> running = new ArrayList<>();
        for (JobState j : jobs) {
            if (j.pool == pool
                    && j.state != JobState.DONE
                    && j.state != JobState.QUEUED
                    && j.state != JobState.PENDING) {
                running.add(j);
            }
        }
        running.sort(Comparator.comparingDouble(JobState::expectedRemainingSeconds));
        long available = pool.free();
        double shadow = Double.POSITIVE_INFINITY;
        for (JobState r : running) {
            available += r.gpus;
            if (available >= head.gpus) {
                shadow = run.now + r.expectedRemainingSeconds();
                break;
            }
        }
        long extra = Double.isInfinite(shadow) ? 0 : available - head.gpus;
        for (JobState candidate : List.copyOf(waiting.subList(1, waiting.size()))) {
            if (candidate.gpus > pool.free()) {
                continue;
            }
            boolean endsInTime = run.now + candidate.expectedRemainingSeconds() <= shadow;
            if (endsInTime || candidate.gpus <= extra) {
                if (!endsInTime) {
                    extra -= candidate.gpus;
                }
                start(candidate);
            }
        }
    }

    private void start(JobState j) {
        queued.remove(j);
        j.pool.training += j.gpus;
        j.state = JobState.RUNNING;
        if (Double.isNaN(j.startSeconds)) {
            j.startSeconds = run.now;
        }
        j.heldSince = run.now;
        j.heldCount = j.gpus;
        log(j, "start", 0);
        startSegment(j);
        scheduleFailure(j);
    }

    private void startSegment(JobState j) {
        j.segmentStart = run.now;
        double end;
        if (j.remainingSeconds <= j.intervalSeconds) {
            j.segmentWork = j.remainingSeconds;
            j.segmentCompletes = true;
            end = run.now + j.remainingSeconds;
        } else {
            j.segmentWork = j.intervalSeconds;
            j.segmentCompletes = false;
            end = run.now + j.intervalSeconds + j.checkpointSeconds;
        }
        run.queue.add(end, FleetSimulator.SEGMENT_END, j.index, j.epoch);
    }

    private void scheduleFailure(JobState j) {
        run.queue.add(
                run.now + RandomStreams.exponential(j.failures, j.mtbfSeconds),
                FleetSimulator.FAILURE,
                j.index,
                j.epoch);
    }

    void segmentEnd(int index, int epoch) {
        JobState j = jobs[index];
        if (epoch != j.epoch || j.state != JobState.RUNNING) {
            return;
        }
        j.remainingSeconds -= j.segmentWork;
        if (j.segmentCompletes) {
            complete(j);
        } else {
            startSegment(j);
        }
    }

    private void complete(JobState j) {
        j.remainingSeconds = 0;
        j.state = JobState.DONE;
        j.endSeconds = run.now;
        j.epoch++;
        account(j);
        j.heldCount = 0;
        j.pool.training -= j.gpus;
        log(j, "complete", 0);
        schedule();
    }

    void failure(int index, int epoch) {
        JobState j = jobs[index];
        if (epoch != j.epoch || (j.state != JobState.RUNNING && j.state != JobState.RESTARTING)) {
            return;
        }
        double lostSeconds = run.now - j.segmentStart;
        j.interruptions++;
        j.lostGpuSeconds += j.gpus * lostSeconds;
        j.epoch++;
        log(j, "failure", j.gpus * lostSeconds / Units.SECONDS_PER_HOUR);
        account(j);
        j.heldCount--;
        j.pool.training--;
        run.sendToRepair(j.pool);
        if (j.pool.idle() > 0) {
            takeReplacement(j);
        } else {
            j.state = JobState.WAITING_REPLACEMENT;
            log(j, "waiting", 0);
        }
    }

    private void takeReplacement(JobState j) {
        account(j);
        j.heldCount++;
        j.pool.training++;
        j.state = JobState.RESTARTING;
        j.segmentStart = run.now;
        run.queue.add(run.now + j.restartSeconds, FleetSimulator.RESTART, j.index, j.epoch);
        scheduleFailure(j);
    }

    void restart(int index, int epoch) {
        JobState j = jobs[index];
        if (epoch != j.epoch || j.state != JobState.RESTARTING) {
            return;
        }
        j.state = JobState.RUNNING;
        log(j, "restart", 0);
        startSegment(j);
    }

    /** Jobs waiting for a healthy accelerator in {@code pool} take one each while any is idle. */
    void replacementsAvailable(Pool pool) {
        for (JobState j : jobs) {
            if (j.pool == pool && j.state == JobState.WAITING_REPLACEMENT && pool.idle() > 0) {
                takeReplacement(j);
            }
        }
    }

    /** Adds the accelerator-seconds held since the last change to the job's total. */
    private void account(JobState j) {
        j.heldGpuSeconds += j.heldCount * (run.now - j.heldSince);
        j.heldSince = run.now;
    }

    int[] runningJobsBySite(int sites) {
        int[] counts = new int[sites];
        for (JobState j : jobs) {
            if (j.state == JobState.RUNNING
                    || j.state == JobState.RESTARTING
                    || j.state == JobState.WAITING_REPLACEMENT) {
                counts[j.pool.site]++;
            }
        }
        return counts;
    }

    List<JobRecord> records(double endSeconds) {
        List<JobRecord> records = new ArrayList<>();
        for (JobState j : jobs) {
            if (j.heldCount > 0) {
                j.heldGpuSeconds += j.heldCount * (endSeconds - j.heldSince);
                j.heldSince = endSeconds;
            }
            double useful = j.computeSeconds - j.remainingSeconds;
            double wallEnd = Double.isNaN(j.endSeconds) ? endSeconds : j.endSeconds;
            double wall = Double.isNaN(j.startSeconds) ? 0 : wallEnd - j.startSeconds;
            records.add(new JobRecord(
                    j.spec.name(),
                    j.pool == null
                            ? ""
                            : run.scenario().sites().get(j.pool.site).name(),
                    j.spec.accelerator().name(),
                    j.gpus,
                    j.submitSeconds,
                    j.startSeconds,
                    j.endSeconds,
                    j.interruptions,
                    j.lostGpuSeconds / Units.SECONDS_PER_HOUR,
                    j.heldGpuSeconds / Units.SECONDS_PER_HOUR,
                    wall > 0 ? useful / wall : Double.NaN,
                    useful / j.computeSeconds));
        }
        return records;
    }

    List<JobEvent> events() {
        return List.copyOf(log);
    }

    private void log(JobState j, String kind, double lostGpuHours) {
        log.add(new JobEvent(run.now, j.spec.name(), kind, lostGpuHours));
    }
}
