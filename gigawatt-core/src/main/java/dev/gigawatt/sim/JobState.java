package dev.gigawatt.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** One training job during a simulation: where it is in its life and what it has cost so far. */
final class JobState {
    /** Where a job is in its life. */
    enum Phase {
        /** Not yet submitted. */
        PENDING,
        /** In its pool's queue. */
        QUEUED,
        /** Computing, or writing a checkpoint between compute segments. */
        RUNNING,
        /** Restarting from its last checkpoint after a failure or a preemption. */
        RESTARTING,
        /** A hardware fault took accelerators and it waits for a replacement. */
        WAITING_REPLACEMENT,
        /** Finished. */
        DONE
    }

    /*
     * Every field but the failure source is set by reset(): a finished generated job's state is reused
     * for the next job its simulation makes (Jobs), so a new job costs no allocation and lands in
     * memory that is already in cache.
     */
    /** The source of {@link #failures}, re-seeded for each job this state holds. */
    private final RandomStreams.SplitMix64 failureSource = new RandomStreams.SplitMix64(0);

    int index;
    /** The job's name; a generated job's is made from its mix and ordinal when first asked for. */
    private String name;
    /** A generated job's place in its mix, from 1 (its name is {@code <mix>-<ordinal>}); 0 for a job of the scenario. */
    int ordinal;

    String accelerator;
    int priority;
    long gpus;
    Pool pool;
    double computeSeconds;
    double intervalSeconds;
    double checkpointSeconds;
    double restartSeconds;
    double mtbfSeconds;
    /** Unit-mean exponential draws of the job's time to its next failure, × {@link #mtbfSeconds}. */
    final ZigguratSampler.Exponential failures = ZigguratSampler.Exponential.of(failureSource);
    /** Submission time, s since the horizon's start; a later phase's is set when the one before it ends. */
    double submitSeconds;
    /** Index of the job's next phase, submitted when this one completes; -1 for none. */
    int next;
    /** True for a phase after the first: it is submitted when the one before it completes. */
    boolean chained;

    /** The job mix that generated the job, or an empty string for a job of the scenario. */
    String mix;
    /** True for jobs that may borrow serving capacity in the trough and be preempted to return it. */
    boolean preemptible;

    Phase state;
    /** Bumped whenever pending events of this job become stale (failure, completion). */
    int epoch;

    /**
     * Work left at the start of the current segment, including the segment's own, s (at full
     * speed); brought up to date by {@code Training.catchUp}.
     */
    double remainingSeconds;
    /** When the current segment began: the work since then is lost on a failure, s. */
    double segmentStart;
    /** The current segment's work, s. */
    double segmentWork;
    /** True when the current segment is the job's last. */
    boolean segmentCompletes;
    /** When the current compute phase or checkpoint write ends (the next segment boundary), s. */
    double nextBoundary;
    /** True while the segment's checkpoint is being written. */
    boolean writing;

    /*
     * The segment plan a running job follows from its last start, restart or rate change: the
     * segment then in progress (the head) computes until headEnd; unless it is the last, its
     * checkpoint write ends at tailStart, from which full segments of one interval of work follow,
     * each one period (interval / rate + checkpoint) long, up to the last. Every boundary is a
     * closed-form function of these, so the job's state at any time costs the same whatever the
     * number of checkpoints, and does not depend on when it was last looked at.
     */
    /** Work left at the head segment's start, including its own, s. */
    double headRemaining;
    /** When the head segment's compute ends, s. */
    double headEnd;
    /** When the head segment's checkpoint write ends and the first full segment begins, s. */
    double tailStart;
    /** Full segments between the head and the last one (0 when the head is the last). */
    long tailSegments;
    /** The pool's throughput the plan was made at (1 = full speed). */
    double planRate;
    /** When the running job's plan completes it, s. */
    double plannedEnd;
    /** When the restart in progress ends, s. */
    double restartEnd;
    /**
     * While the job holds accelerators, when it is expected to end if nothing more fails, s (for
     * backfill reservations): its planned end while running; the restart's end plus the work left
     * while restarting; as if a replacement came at once while waiting for one.
     */
    double expectedEnd;
    /** Its place in its pool's {@link ExpectedEnds}, or -1 while it holds no accelerators. */
    int endRank;
    /** When the job's next failure falls, drawn at its last start, restart or replacement, s. */
    double failureAt;
    /** The epoch {@link #failureAt} was drawn in: a failure of an earlier epoch never happens. */
    int failureEpoch;
    /** True once {@link #failureAt} is in the event queue. */
    boolean failureQueued;
    /** Bumped whenever the pending segment event becomes stale (rate change, failure). */
    int segmentEpoch;

    double startSeconds;
    double endSeconds;
    int interruptions;
    int preemptions;
    double lostGpuSeconds;
    /** When the job's current hold of accelerators began (to account GPU-hours held). */
    double heldSince;

    double heldGpuSeconds;
    /** The job's part of its pool's {@link Pool#trainingStalled}, accelerator-equivalents. */
    double stalledAccelerators;
    /** Accelerators the job holds now (one less while it waits for a replacement). */
    long heldCount;
    /** Accelerators a hardware fault took out that the job still waits to get back. */
    long missing;
    /**
     * Random stream deciding whether each failure is a hardware or a software fault; a generated job's is
     * made at its first failure (most never fail), from {@link #arrivals}.
     */
    UniformRandomProvider kinds;
    /** The mix that made a generated job; null for a job of the scenario. */
    MixArrivals arrivals;

    /**
     * Makes this state a new, pending job's (a new state, {@code new JobState()}, holds none until this):
     * every field is set, nothing of the job it held before is left.
     *
     * @param name the job's name, or null for a generated job named from its mix and ordinal
     * @param computeSeconds compute time if nothing fails and nothing is checkpointed, s
     * @param intervalSeconds compute time between checkpoints, s
     * @param checkpointSeconds time to write a checkpoint, s
     * @param restartSeconds time to restart after a failure, s
     * @param mtbfSeconds mean time between the job's failures, s
     * @param failureSeed seed of the job's failure stream ({@link RandomStreams#seed})
     * @param submitSeconds submission time, s since the horizon's start
     * @return this state
     */
    JobState reset(
            int index,
            String name,
            String accelerator,
            int priority,
            long gpus,
            Pool pool,
            double computeSeconds,
            double intervalSeconds,
            double checkpointSeconds,
            double restartSeconds,
            double mtbfSeconds,
            long failureSeed,
            double submitSeconds) {
        this.index = index;
        this.name = name;
        this.ordinal = 0;
        this.accelerator = accelerator;
        this.priority = priority;
        this.gpus = gpus;
        this.pool = pool;
        this.computeSeconds = computeSeconds;
        this.intervalSeconds = intervalSeconds;
        this.checkpointSeconds = checkpointSeconds;
        this.restartSeconds = restartSeconds;
        this.mtbfSeconds = mtbfSeconds;
        failureSource.reseed(failureSeed);
        this.submitSeconds = submitSeconds;
        next = -1;
        chained = false;
        mix = "";
        preemptible = false;
        state = Phase.PENDING;
        epoch = 0;
        remainingSeconds = computeSeconds;
        segmentStart = 0;
        segmentWork = 0;
        segmentCompletes = false;
        nextBoundary = 0;
        writing = false;
        headRemaining = 0;
        headEnd = 0;
        tailStart = 0;
        tailSegments = 0;
        planRate = 0;
        plannedEnd = 0;
        restartEnd = 0;
        expectedEnd = 0;
        endRank = -1;
        failureAt = 0;
        failureEpoch = -1;
        failureQueued = false;
        segmentEpoch = 0;
        startSeconds = Double.NaN;
        endSeconds = Double.NaN;
        interruptions = 0;
        preemptions = 0;
        lostGpuSeconds = 0;
        heldSince = Double.NaN;
        heldGpuSeconds = 0;
        stalledAccelerators = 0;
        heldCount = 0;
        missing = 0;
        kinds = null;
        arrivals = null;
        return this;
    }

    /** The stream of the job's fault kinds (see {@link #kinds}). */
    UniformRandomProvider kinds() {
        if (kinds == null) {
            kinds = arrivals.kindStream(ordinal);
        }
        return kinds;
    }

    /** The job's name, e.g. {@code research-42} for a generated job. */
    String name() {
        if (name == null) {
            name = mix + "-" + ordinal;
        }
        return name;
    }

    /** True while the job holds accelerators. */
    boolean holding() {
        return state == Phase.RUNNING || state == Phase.RESTARTING || state == Phase.WAITING_REPLACEMENT;
    }

    /** Expected time to finish from now if nothing fails, s (for backfill reservations). */
    double expectedRemainingSeconds() {
        double checkpoints = Math.floor(remainingSeconds / intervalSeconds) * checkpointSeconds;
        return remainingSeconds + checkpoints;
    }
}
