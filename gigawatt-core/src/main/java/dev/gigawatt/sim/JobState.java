package dev.gigawatt.sim;

import dev.gigawatt.scenario.TrainingJob;
import java.util.SplittableRandom;

/** One training job during a simulation: where it is in its life and what it has cost so far. */
final class JobState {
    static final int PENDING = 0;
    static final int QUEUED = 1;
    static final int RUNNING = 2;
    static final int RESTARTING = 3;
    static final int WAITING_REPLACEMENT = 4;
    static final int DONE = 5;

    final int index;
    final TrainingJob spec;
    final Pool pool;
    final long gpus;
    final double computeSeconds;
    final double intervalSeconds;
    final double checkpointSeconds;
    final double restartSeconds;
    final double mtbfSeconds;
    final SplittableRandom failures;
    final double submitSeconds;

    int state = PENDING;
    /** Bumped whenever pending events of this job become stale (failure, completion). */
    int epoch;

    double remainingSeconds;
    double segmentStart;
    double segmentWork;
    boolean segmentCompletes;
    double startSeconds = Double.NaN;
    double endSeconds = Double.NaN;
    int interruptions;
    double lostGpuSeconds;
    /** When the job's current hold of accelerators began (to account GPU-hours held). */
    double heldSince = Double.NaN;

    double heldGpuSeconds;
    /** Accelerators the job holds now (one less while it waits for a replacement). */
    long heldCount;

    JobState(
            int index,
            TrainingJob spec,
            Pool pool,
            double computeSeconds,
            double intervalSeconds,
            double checkpointSeconds,
            double restartSeconds,
            double mtbfSeconds,
            SplittableRandom failures,
            double submitSeconds) {
        this.index = index;
        this.spec = spec;
        this.pool = pool;
        this.gpus = spec.gpus();
        this.computeSeconds = computeSeconds;
        this.remainingSeconds = computeSeconds;
        this.intervalSeconds = intervalSeconds;
        this.checkpointSeconds = checkpointSeconds;
        this.restartSeconds = restartSeconds;
        this.mtbfSeconds = mtbfSeconds;
        this.failures = failures;
        this.submitSeconds = submitSeconds;
    }

    /** Expected time to finish from now if nothing fails, s (for backfill reservations). */
    double expectedRemainingSeconds() {
        double checkpoints = Math.floor(remainingSeconds / intervalSeconds) * checkpointSeconds;
        return remainingSeconds + checkpoints;
    }
}
