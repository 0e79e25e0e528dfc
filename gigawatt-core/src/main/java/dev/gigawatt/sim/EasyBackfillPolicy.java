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

    /*
     * Whether a backfill candidate fits depends only on the pool's queue and its free counts, and
     * fitting is monotone in them: once a pass finds that no candidate fits, later passes can skip
     * the scan while the queue is unchanged and neither free count has grown. Every event schedules
     * its pool and every hourly tick all pools, so without this most passes re-scan hundreds of
     * queued jobs.
     */
    /** Per pool, the queue version at which no candidate fitted (-1: none known). */
    private final int[] noFitVersion;
    /** Per pool, the free and free-for-preemptible counts at which no candidate fitted. */
    private final long[] noFitFree;

    private final long[] noFitFreeForPreemptible;

    EasyBackfillPolicy(int pools) {
        noFitVersion = new int[pools];
        Arrays.fill(noFitVersion, -1);
        noFitFree = new long[pools];
        noFitFreeForPreemptible = new long[pools];
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
            int picks = 0;
            boolean covered = false;
            while (picks < Math.min(n, SCANNED_PICKS) && !covered) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (remaining[i] != TAKEN && (best < 0 || remaining[i] < remaining[best])) {
                        best = i;
                    }
                }
                available += holding.get(best).gpus;
                covered = available >= head.gpus;
                if (covered) {
                    shadow = now + remaining[best];
                }
                remaining[best] = TAKEN;
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
        long free = pool.free();
        long freeForPreemptible = pool.freeForPreemptible();
        if (noFitVersion[p] == version && free <= noFitFree[p] && freeForPreemptible <= noFitFreeForPreemptible[p]) {
            return false;
        }
        int depth = Math.min(waiting.size(), BACKFILL_DEPTH + 1);
        for (int i = 1; i < depth; i++) {
            if (queues.fits(waiting.get(i))) {
                return true;
            }
        }
        noFitVersion[p] = version;
        noFitFree[p] = free;
        noFitFreeForPreemptible[p] = freeForPreemptible;
        return false;
    }
}
