package dev.gigawatt.sim;

import java.util.List;

/**
 * How one scheduling policy serves a pool's queue of training jobs. The jobs at the head of the queue
 * that fit always start first, in order; a policy decides where an arriving job joins the queue and
 * what else may start once the head no longer fits. One instance per simulation run.
 */
interface QueuePolicy {
    /** Where in {@code queue} an arriving job joins it. */
    int arrivalIndex(List<JobState> queue, JobState arriving);

    /**
     * Starts further jobs once the head of {@code pool}'s queue no longer fits, if the policy lets
     * any start; {@code waiting} is not empty.
     */
    void afterHead(Pool pool, List<JobState> waiting, Queues queues);

    /** Whether the policy reads {@link Queues#expectedEnds}; only then are they kept. */
    default boolean readsExpectedEnds() {
        return false;
    }

    /** What a policy may do to the simulation's training queues. */
    interface Queues {
        /** The simulation's time now, s. */
        double now();

        /** True when {@code j} fits its pool now. */
        boolean fits(JobState j);

        /** Removes the job at {@code index} of {@code pool}'s queue and starts it. */
        void startQueued(Pool pool, int index);

        /** Preempts lower-priority jobs for {@code head} when that frees enough; returns whether it did. */
        boolean preemptFor(JobState head);

        /** The jobs holding accelerators of {@code pool}, by expected end (kept if {@link #readsExpectedEnds}). */
        ExpectedEnds expectedEnds(Pool pool);

        /** Bumped whenever {@code pool}'s queue changes. */
        int queueVersion(Pool pool);
    }

    /** The policy's implementation for one run over {@code pools} pools. */
    static QueuePolicy of(SchedulingPolicy policy, int pools) {
        return switch (policy) {
            case FIFO -> new FifoPolicy();
            case EASY_BACKFILL -> new EasyBackfillPolicy(pools);
            case PRIORITY -> new PriorityPolicy();
        };
    }
}
