package dev.gigawatt.sim;

import java.util.Arrays;
import java.util.List;

/**
 * EASY backfill: the head of the queue gets a reservation at the earliest time it can start (the
 * shadow time); a later job may start now if it fits and ends before the shadow time, or uses only
 * accelerators the head will not need.
 *
 * @see <a href="https://doi.org/10.1109/71.932708">Mu'alem, Feitelson, Utilization, predictability, workloads, and user runtime estimates in scheduling the IBM SP2 with backfilling, IEEE TPDS 12(6), 2001</a>
 */
final class EasyBackfillPolicy implements QueuePolicy {
    /**
     * Queued jobs behind the first that EASY backfill considers on each pass, as production
     * schedulers bound it (Slurm's bf_max_job_test defaults to 500).
     */
    static final int BACKFILL_DEPTH = 256;
    /** Reused by each pass: a walk of the pool's expected ends, earliest first (heap positions). */
    private final EventQueue earliest = new EventQueue(64);

    /*
     * Whether a backfill candidate fits depends only on the pool's queue and its free counts: a job
     * fits when its count is at most the pool's free count (free-for-preemptible for a preemptible
     * job). So while a pool's queue is unchanged, some candidate fits exactly when the smallest
     * non-preemptible candidate fits in free or the smallest preemptible one in free-for-
     * preemptible: the two minimums are found once per queue version, not by scanning hundreds of
     * queued jobs at every repair.
     */
    /** Per pool, the queue version the minimums below were taken at (-1: none). */
    private final int[] minimaVersion;
    /** Per pool, the smallest count of a non-preemptible candidate (Long.MAX_VALUE: none). */
    private final long[] minGpus;
    /** Per pool, the smallest count of a preemptible candidate (Long.MAX_VALUE: none). */
    private final long[] minGpusPreemptible;

    EasyBackfillPolicy(int pools) {
        minimaVersion = new int[pools];
        Arrays.fill(minimaVersion, -1);
        minGpus = new long[pools];
        minGpusPreemptible = new long[pools];
    }

    @Override
    public boolean readsExpectedEnds() {
        return true;
    }

    @Override
    public int arrivalIndex(List<JobState> queue, JobState arriving) {
        return queue.size();
    }

    @Override
    public void afterHead(Pool pool, List<JobState> waiting, Queues queues) {
        if (waiting.size() < 2 || !anyCandidateFits(pool, waiting, queues)) {
            return;
        }
        JobState head = waiting.get(0);
        double now = queues.now();
        // The shadow time: when the running jobs, earliest expected end first, free enough for the
        // head. Their ends are kept in a heap, so a best-first walk from its root visits only the
        // jobs this needs (most passes stop after one or two), never all of them.
        ExpectedEnds ends = queues.expectedEnds(pool);
        double shadow = Double.POSITIVE_INFINITY;
        long available = pool.free();
        earliest.clear();
        if (ends.size() > 0) {
            earliest.add(ends.endAt(0), 0, 0, 0);
        }
        while (!earliest.isEmpty()) {
            earliest.poll();
            int rank = earliest.first();
            JobState r = ends.at(rank);
            available += r.gpus;
            if (available >= head.gpus) {
                shadow = r.expectedEnd;
                break;
            }
            for (int child = 2 * rank + 1; child <= 2 * rank + 2 && child < ends.size(); child++) {
                earliest.add(ends.endAt(child), 0, child, 0);
            }
        }
        long extra = Double.isInfinite(shadow) ? 0 : available - head.gpus;
        int depth = Math.min(waiting.size(), BACKFILL_DEPTH + 1);
        for (int i = 1; i < depth && pool.free() > 0; i++) {
            JobState candidate = waiting.get(i);
            if (!queues.fits(candidate)) {
                continue;
            }
            boolean endsInTime = now + candidate.expectedRemainingSeconds() <= shadow;
            if (endsInTime || candidate.gpus <= extra) {
                if (!endsInTime) {
                    extra -= candidate.gpus;
                }
                queues.startQueued(pool, i--);
                depth--;
            }
        }
    }

    /** True when a job behind the head, within the backfill depth, fits now (else backfill changes nothing). */
    private boolean anyCandidateFits(Pool pool, List<JobState> waiting, Queues queues) {
        int p = pool.index;
        int version = queues.queueVersion(pool);
        if (minimaVersion[p] != version) {
            long min = Long.MAX_VALUE;
            long minPreemptible = Long.MAX_VALUE;
            int depth = Math.min(waiting.size(), BACKFILL_DEPTH + 1);
            for (int i = 1; i < depth; i++) {
                JobState j = waiting.get(i);
                if (j.preemptible) {
                    minPreemptible = Math.min(minPreemptible, j.gpus);
                } else {
                    min = Math.min(min, j.gpus);
                }
            }
            minimaVersion[p] = version;
            minGpus[p] = min;
            minGpusPreemptible[p] = minPreemptible;
        }
        return minGpus[p] <= pool.free() || minGpusPreemptible[p] <= pool.freeForPreemptible();
    }
}
