package dev.gigawatt.sim;

import java.util.List;

/** First come, first served: a job that does not fit blocks the jobs behind it. */
final class FifoPolicy implements QueuePolicy {
    @Override
    public int arrivalIndex(List<JobState> queue, JobState arriving) {
        return queue.size();
    }

    @Override
    public void afterHead(Pool pool, List<JobState> waiting, Queues queues) {
        // The head waits; nothing behind it may pass.
    }
}
