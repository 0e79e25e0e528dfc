package dev.gigawatt.sim;

import java.util.Locale;

/** How queued training jobs are given accelerators. */
public enum SchedulingPolicy {
    /** First come, first served: a job that does not fit blocks the jobs behind it. */
    FIFO,
    /**
     * EASY backfill: the first job gets a reservation at the earliest time it can start; later jobs
     * may start now if they finish before it or use accelerators it will not need.
     *
     * @see <a href="https://doi.org/10.1109/71.932708">Mu'alem, Feitelson, Utilization, predictability, workloads, and user runtime estimates in scheduling the IBM SP2 with backfilling, IEEE TPDS 12(6), 2001</a>
     */
    EASY_BACKFILL,
    /** Highest priority first (ties in submission order); a job that does not fit blocks lower priorities. */
    PRIORITY;

    /** The name used in files and on the command line: {@code fifo}, {@code easy-backfill}, {@code priority}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The policy for {@code key}, or null. */
    public static SchedulingPolicy fromKey(String key) {
        for (SchedulingPolicy p : values()) {
            if (p.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }
}
