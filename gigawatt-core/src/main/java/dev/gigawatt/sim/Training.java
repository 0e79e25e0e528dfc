package dev.gigawatt.sim;

import dev.gigawatt.sim.JobState.Phase;
import dev.gigawatt.units.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Training jobs in the simulator: gang-scheduled onto their site's pool by FIFO, EASY backfill or
 * priority, computing in segments of one checkpoint interval, interrupted by failures (one Poisson
 * process per job with the summed rate of its accelerators), losing the work since the last
 * checkpoint and restarting after the restart overhead. A hardware fault (accelerator or host, the
 * catalog's share of Llama 3's Table 5) takes its whole failure domain (the server, or an NVL72
 * compute tray) out of the job and to repair, and the job waits until spares replace it; a software
 * or network fault only restarts the job.
 */
final class Training {
    private final SimulationContext run;
    private final Jobs jobs;
    private final List<List<JobState>> queuedByPool = new ArrayList<>();
    private final List<List<JobState>> holdingByPool = new ArrayList<>();
    private final List<ExpectedEnds> endsByPool = new ArrayList<>();
    private final List<JobState> waitingReplacement = new ArrayList<>();
    private final List<JobEvent> log = new ArrayList<>();
    private final QueuePolicy policy;
    private final boolean recordJobEvents;
    /** Whether the policy reads the holding jobs' expected ends (EASY backfill), so they are kept. */
    private final boolean keepExpectedEnds;
    /** Below this many accelerator-equivalents a pool's stalled count is rounding, not a stalled job. */
    private static final double STALLED_ROUNDING = 1e-9;

    /** Share of failures that take accelerators out of the job (the rest only restart it). */
    private final double hardwareShare;

    /** Per pool, bumped whenever its queue changes (policies cache what they found per version). */
    private final int[] queueVersion;

    Training(SimulationContext run) {
        this.run = run;
        var observed = run.scenario().catalog().reliability();
        this.hardwareShare = observed == null ? 1.0 : observed.hardwareShare();
        this.policy = QueuePolicy.of(run.options().policy(), run.pools().size());
        this.recordJobEvents = run.options().recordJobEvents();
        this.keepExpectedEnds = policy.readsExpectedEnds();
        for (int p = 0; p < run.pools().size(); p++) {
            queuedByPool.add(new JobQueue());
            holdingByPool.add(new ArrayList<>());
            endsByPool.add(new ExpectedEnds());
        }
        queueVersion = new int[run.pools().size()];
        jobs = JobFactory.jobs(run);
        for (JobState j : jobs.explicit()) {
            if (j.pool != null && !j.chained && j.submitSeconds < run.endSeconds()) {
                run.schedule(j.submitSeconds, FleetSimulator.ARRIVE, j.index, 0);
            }
        }
        for (MixArrivals mix : jobs.mixes()) {
            if (mix.pool() != null && !mix.exhausted()) {
                JobState first = jobs.next(mix);
                run.schedule(first.submitSeconds, FleetSimulator.ARRIVE, first.index, 0);
            }
        }
    }

    /** The pool of job {@code index}: the one pool its events change. */
    Pool poolOf(int index) {
        return jobs.pool(index);
    }

    void arrive(int index) {
        JobState j = jobs.get(index);
        // One pending arrival per mix: each generated job's arrival makes and schedules the next one.
        JobState next = jobs.nextAfter(j);
        if (next != null) {
            run.schedule(next.submitSeconds, FleetSimulator.ARRIVE, next.index, 0);
        }
        j.state = Phase.QUEUED;
        List<JobState> queue = queuedByPool.get(j.pool.index);
        queue.add(policy.arrivalIndex(queue, j), j);
        queueVersion[j.pool.index]++;
        log(j, JobEvent.Kind.SUBMIT, 0);
        schedulePool(j.pool);
    }

    /** Schedules every pool: after the hourly tick, which changes serving, power caps and retirements everywhere. */
    void schedule() {
        for (Pool pool : run.pools()) {
            schedulePool(pool);
        }
    }

    /**
     * Gives the pool's idle accelerators to its jobs waiting for a replacement, then starts queued
     * jobs by the policy. Every event that changes a pool's counts, its queue or a holding job's
     * expected end (arrival, start, completion, failure, restart, repair, deployment) calls it for
     * that pool alone: no other pool's schedule can change.
     */
    void schedulePool(Pool pool) {
        replacementsAvailable(pool);
        List<JobState> waiting = queuedByPool.get(pool.index);
        while (!waiting.isEmpty() && fits(waiting.get(0))) {
            startQueued(pool, 0);
        }
        if (!waiting.isEmpty()) {
            policy.afterHead(pool, waiting, queues);
        }
    }

    /** What the queue policy may do here. */
    private final QueuePolicy.Queues queues = new QueuePolicy.Queues() {
        @Override
        public double now() {
            return run.now();
        }

        @Override
        public boolean fits(JobState j) {
            return Training.this.fits(j);
        }

        @Override
        public void startQueued(Pool pool, int index) {
            Training.this.startQueued(pool, index);
        }

        @Override
        public boolean preemptFor(JobState head) {
            return Training.this.preemptFor(head);
        }

        @Override
        public ExpectedEnds expectedEnds(Pool pool) {
            return endsByPool.get(pool.index);
        }

        @Override
        public int queueVersion(Pool pool) {
            return queueVersion[pool.index];
        }
    };

    private void startQueued(Pool pool, int index) {
        JobState j = queuedByPool.get(pool.index).remove(index);
        queueVersion[pool.index]++;
        start(j);
    }

    /**
     * Preempts lower-priority jobs of the head's pool, lowest priority and latest start first, when
     * that frees enough accelerators for the head; returns whether it did.
     */
    private boolean preemptFor(JobState head) {
        Pool pool = head.pool;
        List<JobState> victims = new ArrayList<>();
        long freed = pool.free();
        List<JobState> candidates = new ArrayList<>(holdingByPool.get(pool.index));
        candidates.sort(Comparator.comparingInt((JobState j) -> j.priority)
                .thenComparing(Comparator.comparingDouble((JobState j) -> j.startSeconds)
                        .reversed())
                .thenComparingInt(j -> j.index));
        for (JobState c : candidates) {
            if (freed >= head.gpus || c.priority >= head.priority) {
                break;
            }
            victims.add(c);
            freed += c.heldCount;
        }
        if (freed < head.gpus) {
            return false;
        }
        for (JobState v : victims) {
            preempt(v);
        }
        return true;
    }

    /** Stops {@code j}, losing its work since the last checkpoint, and puts it back in its queue. */
    private void preempt(JobState j) {
        catchUp(j, run.now());
        double lostGpuSeconds = j.heldCount * (run.now() - j.segmentStart);
        j.lostGpuSeconds += lostGpuSeconds;
        j.preemptions++;
        j.epoch++;
        j.segmentEpoch++;
        account(j);
        j.pool.training -= j.heldCount;
        j.heldCount = 0;
        j.missing = 0;
        holdingByPool.get(j.pool.index).remove(j);
        unorder(j);
        waitingReplacement.remove(j);
        log(j, JobEvent.Kind.PREEMPTED, lostGpuSeconds / Units.SECONDS_PER_HOUR);
        j.state = Phase.QUEUED;
        updateDraw(j);
        List<JobState> queue = queuedByPool.get(j.pool.index);
        queue.add(PriorityPolicy.priorityIndex(queue, j), j);
        queueVersion[j.pool.index]++;
    }

    /** True when {@code j} fits its pool now (preemptible jobs may use trough serving capacity). */
    private boolean fits(JobState j) {
        return j.gpus <= (j.preemptible ? j.pool.freeForPreemptible() : j.pool.free());
    }

    /**
     * Serving needs {@code needed} more idle accelerators in {@code pool}: preempts preemptible jobs,
     * latest started first, until enough are idle.
     */
    void reclaim(Pool pool, long needed) {
        List<JobState> borrowers = new ArrayList<>();
        for (JobState j : holdingByPool.get(pool.index)) {
            if (j.preemptible) {
                borrowers.add(j);
            }
        }
        borrowers.sort(Comparator.comparingDouble((JobState j) -> j.startSeconds)
                .reversed()
                .thenComparingInt(j -> j.index));
        for (JobState j : borrowers) {
            if (pool.idle() >= needed) {
                return;
            }
            preempt(j);
        }
    }

    private void start(JobState j) {
        j.pool.training += j.gpus;
        j.state = Phase.RUNNING;
        holdingByPool.get(j.pool.index).add(j);
        if (Double.isNaN(j.startSeconds)) {
            j.startSeconds = run.now();
        }
        j.heldSince = run.now();
        j.heldCount = j.gpus;
        if (j.preemptions > 0) {
            // Resuming after preemption costs a restart: reload the last checkpoint and warm up.
            log(j, JobEvent.Kind.RESUME, 0);
            j.state = Phase.RESTARTING;
            j.segmentStart = run.now();
            scheduleRestart(j);
        } else {
            log(j, JobEvent.Kind.START, 0);
            startSegment(j);
        }
        updateDraw(j);
        scheduleFailure(j);
        if (j.state == Phase.RUNNING) {
            queueCompletion(j);
        }
        if (keepExpectedEnds) {
            endsByPool.get(j.pool.index).add(j, expectedEnd(j));
        }
    }

    /** See {@link JobState#expectedEnd}: what the job's state and plan say now. */
    private double expectedEnd(JobState j) {
        return switch (j.state) {
            case RUNNING -> j.plannedEnd;
            case RESTARTING -> j.restartEnd + j.expectedRemainingSeconds();
            default -> run.now() + j.restartSeconds + j.expectedRemainingSeconds();
        };
    }

    /** The job's expected end moved: its place in its pool's order follows. */
    private void reorder(JobState j) {
        if (keepExpectedEnds) {
            endsByPool.get(j.pool.index).update(j, expectedEnd(j));
        }
    }

    /** The job let go of its accelerators: it leaves its pool's order. */
    private void unorder(JobState j) {
        if (keepExpectedEnds) {
            endsByPool.get(j.pool.index).remove(j);
        }
    }

    /*
     * A running job alternates compute segments (checkpoint interval of work at the pool's rate) and
     * checkpoint writes. Only its completion is an event: where it stands between boundaries is
     * computed in closed form from its segment plan (see JobState) when something needs it: a
     * failure, a preemption, a rate change, a backfill estimate or the horizon's end.
     */
    private void startSegment(JobState j) {
        plan(
                j,
                run.now(),
                j.remainingSeconds,
                run.now() + Math.min(j.remainingSeconds, j.intervalSeconds) / j.pool.rate);
        planCompletion(j);
    }

    /**
     * Makes the job's segment plan at the pool's current rate: the head segment began at {@code
     * start} with {@code remaining} s of work left and computes until {@code headEnd}; its
     * checkpoint write, unless it is the last segment, ends one checkpoint later.
     */
    private void plan(JobState j, double start, double remaining, double headEnd) {
        plan(j, start, remaining, headEnd, headEnd + j.checkpointSeconds);
    }

    private void plan(JobState j, double start, double remaining, double headEnd, double tailStart) {
        j.headRemaining = remaining;
        j.headEnd = headEnd;
        j.tailStart = tailStart;
        j.planRate = j.pool.rate;
        j.tailSegments =
                remaining > j.intervalSeconds ? fullSegments(remaining - j.intervalSeconds, j.intervalSeconds) : 0;
        j.remainingSeconds = remaining;
        j.segmentStart = start;
        j.segmentCompletes = remaining <= j.intervalSeconds;
        j.segmentWork = Math.min(remaining, j.intervalSeconds);
        j.writing = false;
        j.nextBoundary = headEnd;
    }

    /** Sets the job's planned end: the end of the last segment's compute in its plan. */
    private void planCompletion(JobState j) {
        double completion = j.headEnd;
        if (j.headRemaining > j.intervalSeconds) {
            double tail = j.headRemaining - j.intervalSeconds;
            long full = j.tailSegments;
            completion = tailSegmentStart(j, full) + (tail - full * j.intervalSeconds) / j.planRate;
        }
        j.plannedEnd = completion;
        j.segmentEpoch++;
    }

    /**
     * Queues the job's planned completion, unless a failure already queued comes first: the failure
     * then re-plans the job (or a preemption stops it), so the completion would only be stale.
     */
    private void queueCompletion(JobState j) {
        if (j.failureQueued && j.failureEpoch == j.epoch && j.failureAt < j.plannedEnd) {
            return;
        }
        run.schedule(j.plannedEnd, FleetSimulator.SEGMENT_END, j.index, j.segmentEpoch);
    }

    /**
     * Segments of a full interval that {@code remaining} s of work holds before its last one: the
     * smallest n with {@code remaining - n * interval <= interval} (found from the quotient, then
     * checked in the same floating-point expression every caller uses).
     */
    private static long fullSegments(double remaining, double interval) {
        long n = Math.max(0, (long) Math.ceil(remaining / interval) - 1);
        while (n > 0 && remaining - (n - 1) * interval <= interval) {
            n--;
        }
        while (remaining - n * interval > interval) {
            n++;
        }
        return n;
    }

    /** When full segment {@code k} (0 = the one after the head) of the job's plan begins, s. */
    private static double tailSegmentStart(JobState j, long k) {
        return j.tailStart + k * (j.intervalSeconds / j.planRate + j.checkpointSeconds);
    }

    /**
     * Brings a running job's segment state to time {@code t} from its plan: every boundary before
     * {@code t} is passed.
     */
    private static void catchUp(JobState j, double t) {
        if (j.state != Phase.RUNNING || t <= j.nextBoundary || j.headRemaining <= j.intervalSeconds) {
            return; // no boundary passed since the state was last brought up to date, or in the last segment
        }
        if (t <= j.tailStart) {
            j.writing = true;
            j.nextBoundary = j.tailStart;
            return;
        }
        double tail = j.headRemaining - j.intervalSeconds;
        long full = j.tailSegments;
        double period = j.intervalSeconds / j.planRate + j.checkpointSeconds;
        // The latest segment begun before t: k in [0, full] with tailSegmentStart(k) < t.
        long k = Math.min(full, Math.max(0, (long) Math.ceil((t - j.tailStart) / period) - 1));
        while (k < full && tailSegmentStart(j, k + 1) < t) {
            k++;
        }
        while (k > 0 && tailSegmentStart(j, k) >= t) {
            k--;
        }
        double start = tailSegmentStart(j, k);
        j.remainingSeconds = tail - k * j.intervalSeconds;
        j.segmentStart = start;
        j.segmentCompletes = k == full;
        j.segmentWork = Math.min(j.remainingSeconds, j.intervalSeconds);
        double computeEnd = start + j.segmentWork / j.planRate;
        j.writing = !j.segmentCompletes && computeEnd < t;
        j.nextBoundary = j.writing ? tailSegmentStart(j, k + 1) : computeEnd;
    }

    /** The pool's power cap changed: running jobs continue their segment at the new rate. */
    void rateChanged(Pool pool, double oldRate) {
        for (JobState j : holdingByPool.get(pool.index)) {
            if (j.state == Phase.RUNNING) {
                catchUp(j, run.now());
                if (j.writing) {
                    // The write's end stands; the segments after it run at the new rate.
                    double writeEnd = j.nextBoundary;
                    plan(j, j.segmentStart, j.remainingSeconds, run.now(), writeEnd);
                    j.writing = true;
                    j.nextBoundary = writeEnd;
                } else {
                    double computeLeft = Math.max(0, (j.nextBoundary - run.now()) * oldRate);
                    plan(j, j.segmentStart, j.remainingSeconds, run.now() + computeLeft / pool.rate);
                }
                planCompletion(j);
                queueFailureIfDue(j);
                queueCompletion(j);
                updateDraw(j);
                reorder(j);
            }
        }
    }

    private void scheduleRestart(JobState j) {
        j.restartEnd = run.now() + j.restartSeconds;
        run.schedule(j.restartEnd, FleetSimulator.RESTART, j.index, j.epoch);
    }

    /** Draws the job's next failure; it is queued once it can fall before the job's end (queueFailureIfDue). */
    private void scheduleFailure(JobState j) {
        j.failureAt = run.now() + j.failures.sample() * j.mtbfSeconds;
        j.failureEpoch = j.epoch;
        j.failureQueued = false;
        queueFailureIfDue(j);
    }

    /*
     * Most jobs end before their next failure. Queued at once, that failure would sit in the heap,
     * stale, until its time: so a drawn failure is queued only when it falls within the restart in
     * progress or by the running job's planned end, and otherwise when the job's restart ends or its
     * plan moves later (a power cap). It is the same draw at the same instant either way.
     */
    private void queueFailureIfDue(JobState j) {
        if (j.failureQueued || j.failureEpoch != j.epoch) {
            return;
        }
        boolean due =
                switch (j.state) {
                    case RUNNING -> j.failureAt <= j.plannedEnd;
                    case RESTARTING -> j.failureAt <= j.restartEnd;
                    default -> false;
                };
        if (due) {
            j.failureQueued = true;
            run.schedule(j.failureAt, FleetSimulator.FAILURE, j.index, j.failureEpoch);
        }
    }

    /** The job's completion event: its last segment's compute ends now. */
    void segmentEnd(int index, int segmentEpoch) {
        JobState j = jobs.get(index);
        if (j == null || segmentEpoch != j.segmentEpoch || j.state != Phase.RUNNING) {
            return;
        }
        complete(j);
    }

    private void complete(JobState j) {
        j.remainingSeconds = 0;
        j.state = Phase.DONE;
        j.endSeconds = run.now();
        j.epoch++;
        j.segmentEpoch++;
        account(j);
        j.heldCount = 0;
        j.pool.training -= j.gpus;
        updateDraw(j);
        holdingByPool.get(j.pool.index).remove(j);
        unorder(j);
        log(j, JobEvent.Kind.COMPLETE, 0);
        if (j.next >= 0) {
            JobState next = jobs.get(j.next);
            next.submitSeconds = run.now();
            run.schedule(run.now(), FleetSimulator.ARRIVE, next.index, 0);
        }
        Pool pool = j.pool;
        // Its record only when the run keeps records: the totals read the finished job's numbers.
        jobs.finish(j, jobs.keepsRecords() ? record(j, run.endSeconds()) : null); // j's state may now hold another
        schedulePool(pool);
    }

    void failure(int index, int epoch) {
        JobState j = jobs.get(index);
        if (j == null || epoch != j.epoch || (j.state != Phase.RUNNING && j.state != Phase.RESTARTING)) {
            return;
        }
        catchUp(j, run.now());
        double lostSeconds = run.now() - j.segmentStart;
        j.interruptions++;
        j.lostGpuSeconds += j.gpus * lostSeconds;
        j.segmentStart = run.now();
        j.epoch++;
        j.segmentEpoch++;
        log(j, JobEvent.Kind.FAILURE, j.gpus * lostSeconds / Units.SECONDS_PER_HOUR);
        account(j);
        if (j.kinds().nextDouble() >= hardwareShare) {
            // A software or network fault: the job restarts on the accelerators it holds.
            j.state = Phase.RESTARTING;
            updateDraw(j);
            scheduleRestart(j);
            scheduleFailure(j);
            reorder(j);
            schedulePool(j.pool); // its expected end moved, and with it the head's reservation
            return;
        }
        long domain = Math.min(j.heldCount, Math.max(1, j.pool.unit.server().failureDomain()));
        j.heldCount -= domain;
        j.pool.training -= domain;
        run.sendToRepair(j.pool, (int) domain);
        j.missing += domain;
        takeReplacement(j);
        schedulePool(j.pool);
    }

    /** Takes what the job is missing from the idle accelerators; restarts once it has them all. */
    private void takeReplacement(JobState j) {
        account(j);
        long taken = Math.min(j.missing, j.pool.idle());
        j.heldCount += taken;
        j.pool.training += taken;
        j.missing -= taken;
        if (j.missing > 0) {
            if (j.state != Phase.WAITING_REPLACEMENT) {
                j.state = Phase.WAITING_REPLACEMENT;
                waitingReplacement.add(j);
                log(j, JobEvent.Kind.WAITING, 0);
                reorder(j);
            }
            updateDraw(j);
            return;
        }
        j.state = Phase.RESTARTING;
        updateDraw(j);
        j.segmentStart = run.now();
        scheduleRestart(j);
        scheduleFailure(j);
        reorder(j);
    }

    void restart(int index, int epoch) {
        JobState j = jobs.get(index);
        if (j == null || epoch != j.epoch || j.state != Phase.RESTARTING) {
            return;
        }
        j.state = Phase.RUNNING;
        log(j, JobEvent.Kind.RESTART, 0);
        startSegment(j);
        queueFailureIfDue(j);
        queueCompletion(j);
        updateDraw(j);
        reorder(j);
        schedulePool(j.pool);
    }

    /**
     * Sets the job's part of its pool's stalled training accelerators from its state: a restarting
     * job or one waiting for a replacement is stalled throughout; a running one for the share of its
     * remaining time it will spend writing checkpoints at the pool's current rate (the checkpoint
     * writes are not events, so their draw is spread over the compute between them).
     */
    private static void updateDraw(JobState j) {
        double stalled = 0;
        if (j.state == Phase.RESTARTING || j.state == Phase.WAITING_REPLACEMENT) {
            stalled = j.heldCount;
        } else if (j.state == Phase.RUNNING && j.checkpointSeconds > 0) {
            double writes = Math.floor(j.remainingSeconds / j.intervalSeconds) * j.checkpointSeconds;
            if (writes > 0) {
                stalled = j.heldCount * writes / (j.remainingSeconds / j.pool.rate + writes);
            }
        }
        Pool pool = j.pool;
        pool.trainingStalled += stalled - j.stalledAccelerators;
        if (Math.abs(pool.trainingStalled) < STALLED_ROUNDING) {
            pool.trainingStalled = 0; // rounding left by adding and removing jobs' shares
        }
        j.stalledAccelerators = stalled;
    }

    /** Jobs waiting for a healthy accelerator in {@code pool} take one each while any is idle. */
    private void replacementsAvailable(Pool pool) {
        for (int i = 0; i < waitingReplacement.size() && pool.idle() > 0; i++) {
            JobState j = waitingReplacement.get(i);
            if (j.pool == pool) {
                takeReplacement(j);
                if (j.missing == 0) {
                    waitingReplacement.remove(i--);
                }
            }
        }
    }

    /** Adds the accelerator-seconds held since the last change to the job's total. */
    private void account(JobState j) {
        j.heldGpuSeconds += j.heldCount * (run.now() - j.heldSince);
        j.heldSince = run.now();
    }

    int[] runningJobsBySite(int sites) {
        int[] counts = new int[sites];
        for (Pool p : run.pools()) {
            counts[p.site] += holdingByPool.get(p.index).size();
        }
        return counts;
    }

    /** Every job's record at the horizon's end {@code endSeconds}, in index order, and their totals. */
    Jobs.Ended end(double endSeconds) {
        return jobs.end(j -> {
            settle(j, endSeconds);
            return jobs.keepsRecords() ? record(j, endSeconds) : null;
        });
    }

    /** Brings the job's work and held accelerator-hours up to {@code endSeconds} (nothing once it has finished). */
    private void settle(JobState j, double endSeconds) {
        if (j.pool != null) {
            catchUp(j, endSeconds);
        }
        if (j.heldCount > 0) {
            j.heldGpuSeconds += j.heldCount * (endSeconds - j.heldSince);
            j.heldSince = endSeconds;
        }
    }

    /** The job's record with the horizon ending at {@code endSeconds}: final once it has finished. */
    private JobRecord record(JobState j, double endSeconds) {
        settle(j, endSeconds);
        double useful = j.computeSeconds - j.remainingSeconds;
        double wallEnd = Double.isNaN(j.endSeconds) ? endSeconds : j.endSeconds;
        double wall = Double.isNaN(j.startSeconds) ? 0 : wallEnd - j.startSeconds;
        return new JobRecord(
                j.name(),
                j.pool == null ? "" : run.scenario().sites().get(j.pool.site).name(),
                j.accelerator,
                j.gpus,
                Double.isNaN(j.submitSeconds) ? endSeconds : j.submitSeconds,
                j.startSeconds,
                j.endSeconds,
                j.interruptions,
                j.preemptions,
                lostGpuHours(j),
                heldGpuHours(j),
                usefulGpuHours(j),
                wall > 0 ? Math.min(1, useful / wall) : Double.NaN,
                useful / j.computeSeconds,
                j.mix);
    }

    /** Accelerator-hours of work the job lost to failures and preemptions. */
    static double lostGpuHours(JobState j) {
        return j.lostGpuSeconds / Units.SECONDS_PER_HOUR;
    }

    /** Accelerator-hours the job held. */
    static double heldGpuHours(JobState j) {
        return j.heldGpuSeconds / Units.SECONDS_PER_HOUR;
    }

    /** Accelerator-hours of work the job kept: its accelerators × the compute time done. */
    static double usefulGpuHours(JobState j) {
        return j.gpus * (j.computeSeconds - j.remainingSeconds) / Units.SECONDS_PER_HOUR;
    }

    List<JobEvent> events() {
        return List.copyOf(log);
    }

    private void log(JobState j, JobEvent.Kind kind, double lostGpuHours) {
        if (recordJobEvents) {
            log.add(new JobEvent(run.now(), j.name(), kind, lostGpuHours));
        }
    }
}
