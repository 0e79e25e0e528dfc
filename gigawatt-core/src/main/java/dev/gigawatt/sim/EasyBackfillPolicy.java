package dev.gigawatt.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    /** Running jobs a pass finds by scanning before it builds a heap of the rest. */
    static final int SCANNED_PICKS = 4;
    /** Marks a job the pass has already counted (every remaining time there is finite). */
    private static final double TAKEN = Double.POSITIVE_INFINITY;

    /** Reused by each pass to order the running jobs by expected remaining time. */
    private final EventQueue byRemaining = new EventQueue(64);
    /** Reused by each pass: the running jobs' expected remaining times, s. */
    private double[] remainingScratch = new double[64];
    /** Reused by each pass: the holding jobs with the smallest remaining times, in order. */
    private final int[] bestScratch = new int[SCANNED_PICKS];

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
    public int arrivalIndex(List<JobState> queue, JobState arriving) {
        return queue.size();
    }

    @Override
    public void afterHead(Pool pool, List<JobState> waiting, Queues queues) {
        if (waiting.size() < 2 || !anyCandidateFits(pool, waiting, queues)) {
            return;
        }
        JobState head = waiting.get(0);
        List<JobState> holding = queues.holdingNow(pool);
        double now = queues.now();
        double shadow = Double.POSITIVE_INFINITY;
        long available = pool.free();
        // The running jobs in order of expected remaining time, ties in holding order (what a stable
        // sort gives), taken only as far as the head needs: most passes stop after one or two, so the
        // first few are found by scanning for the smallest and only a longer walk builds a heap.
        int n = holding.size();
        if (remainingScratch.length < n) {
            remainingScratch = new double[Math.max(n, 2 * remainingScratch.length)];
        }
        double[] remaining = remainingScratch;
        boolean finite = true;
        for (int i = 0; i < n && finite; i++) {
            remaining[i] = holding.get(i).expectedRemainingSeconds();
            finite = Double.isFinite(remaining[i]);
        }
        if (finite) {
            // The SCANNED_PICKS smallest in one pass, in order (ties: the earlier job first).
            int[] best = bestScratch;
            int found = 0;
            int k = Math.min(n, SCANNED_PICKS);
            for (int i = 0; i < n; i++) {
                double r = remaining[i];
                int pos;
                if (found < k) {
                    pos = found++;
                } else if (r < remaining[best[k - 1]]) {
                    pos = k - 1;
                } else {
                    continue;
                }
                while (pos > 0 && r < remaining[best[pos - 1]]) {
                    best[pos] = best[pos - 1];
                    pos--;
                }
                best[pos] = i;
            }
            int picks = 0;
            boolean covered = false;
            while (picks < found && !covered) {
                int pick = best[picks];
                available += holding.get(pick).gpus;
                covered = available >= head.gpus;
                if (covered) {
                    shadow = now + remaining[pick];
                }
                remaining[pick] = TAKEN;
                picks++;
            }
            if (!covered && picks < n) {
                byRemaining.clear();
                for (int i = 0; i < n; i++) {
                    if (remaining[i] != TAKEN) {
                        byRemaining.add(remaining[i], 0, i, 0);
                    }
                }
                while (!byRemaining.isEmpty()) {
                    byRemaining.poll();
                    available += holding.get(byRemaining.first()).gpus;
                    if (available >= head.gpus) {
                        shadow = now + byRemaining.time();
                        break;
                    }
                }
            }
        } else {
            List<JobState> sorted = new ArrayList<>(holding);
            sorted.sort(Comparator.comparingDouble(JobState::expectedRemainingSeconds));
            for (JobState r : sorted) {
                available += r.gpus;
                if (available >= head.gpus) {
                    shadow = now + r.expectedRemainingSeconds();
                    break;
                }
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
