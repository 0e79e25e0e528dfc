package dev.gigawatt.sim;

import java.util.List;

/**
 * Highest priority first (ties in submission order); a head that does not fit may preempt
 * lower-priority jobs, and otherwise blocks the jobs behind it.
 */
final class PriorityPolicy implements QueuePolicy {
    @Override
    public int arrivalIndex(List<JobState> queue, JobState arriving) {
        int at = 0;
        while (at < queue.size() && queue.get(at).priority >= arriving.priority) {
            at++;
        }
        return at;
    }

    @Override
    public void afterHead(Pool pool, List<JobState> waiting, Queues queues) {
        if (queues.preemptFor(waiting.get(0))) {
            queues.startQueued(pool, waiting, 0);
        }
    }
}
