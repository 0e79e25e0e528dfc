package dev.gigawatt.sim;

import java.util.List;

/**
 * Highest priority first (ties in submission order); a head that does not fit may preempt
 * lower-priority jobs, and otherwise blocks the jobs behind it.
 */
final class PriorityPolicy implements QueuePolicy {
    @Override
    public int arrivalIndex(List<JobState> queue, JobState arriving) {
        return priorityIndex(queue, arriving);
    }

    /** Where {@code j} joins {@code queue} in priority order, behind the jobs of its own priority. */
    static int priorityIndex(List<JobState> queue, JobState j) {
        int at = 0;
        while (at < queue.size() && queue.get(at).priority >= j.priority) {
            at++;
        }
        return at;
    }

    @Override
    public void afterHead(Pool pool, List<JobState> waiting, Queues queues) {
        if (queues.preemptFor(waiting.get(0))) {
            queues.startQueued(pool, 0);
        }
    }
}
