package dev.gigawatt.sim;

import java.util.Arrays;

/**
 * One pool's jobs holding accelerators, in a binary min-heap by expected end ({@link
 * JobState#expectedEnd}, ties by job index), each job knowing its place ({@link JobState#endRank}).
 * EASY backfill reads the earliest few ends to find the head's reservation; a job's expected end
 * changes only at its own events, so keeping the order costs O(log n) there instead of a scan of
 * every holding job at every backfill pass. Hand-written, as {@link EventQueue} is, because the JDK's
 * queues neither move an entry whose key changed nor walk the smallest entries without removing them.
 */
final class ExpectedEnds {
    // Parallel arrays by heap position: the comparisons read the ends and indices in place, not
    // through each job (a cache miss per level on a pool of thousands of jobs).
    private JobState[] jobs = new JobState[16];
    private double[] ends = new double[16];
    private int[] indices = new int[16];
    private int size;

    int size() {
        return size;
    }

    /** The job at heap position {@code rank} (0 is the earliest end; 2r + 1 and 2r + 2 are r's children). */
    JobState at(int rank) {
        return jobs[rank];
    }

    /** The expected end of the job at heap position {@code rank}, s. */
    double endAt(int rank) {
        return ends[rank];
    }

    /** Adds {@code j}, which holds no place yet, with expected end {@code end}. */
    void add(JobState j, double end) {
        if (j.endRank >= 0) {
            throw new IllegalStateException("job " + j.name() + " is already ordered");
        }
        if (size == jobs.length) {
            jobs = Arrays.copyOf(jobs, 2 * size);
            ends = Arrays.copyOf(ends, 2 * size);
            indices = Arrays.copyOf(indices, 2 * size);
        }
        j.expectedEnd = end;
        size++;
        up(size - 1, j);
    }

    /** Moves {@code j} to its place for a new expected end. */
    void update(JobState j, double end) {
        double old = j.expectedEnd;
        j.expectedEnd = end;
        if (Double.compare(end, old) < 0) {
            up(j.endRank, j);
        } else {
            down(j.endRank, j);
        }
    }

    /** Removes {@code j}. */
    void remove(JobState j) {
        int rank = j.endRank;
        size--;
        JobState last = jobs[size];
        jobs[size] = null;
        j.endRank = -1;
        if (rank < size) {
            up(rank, last);
            down(last.endRank, last);
        }
    }

    private boolean before(double end, int index, int rank) {
        int c = Double.compare(end, ends[rank]);
        return c < 0 || (c == 0 && index < indices[rank]);
    }

    private void place(int rank, JobState j) {
        jobs[rank] = j;
        ends[rank] = j.expectedEnd;
        indices[rank] = j.index;
        j.endRank = rank;
    }

    /** Puts {@code j} at {@code rank} or above it, moving the later parents down. */
    private void up(int rank, JobState j) {
        double end = j.expectedEnd;
        while (rank > 0) {
            int parent = (rank - 1) >>> 1;
            if (!before(end, j.index, parent)) {
                break;
            }
            place(rank, jobs[parent]);
            rank = parent;
        }
        place(rank, j);
    }

    /** Puts {@code j} at {@code rank} or below it, moving the earlier children up. */
    private void down(int rank, JobState j) {
        double end = j.expectedEnd;
        while (true) {
            int child = 2 * rank + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(ends[child + 1], indices[child + 1], child)) {
                child++;
            }
            if (!isBefore(child, end, j.index)) {
                break;
            }
            place(rank, jobs[child]);
            rank = child;
        }
        place(rank, j);
    }

    /** True when the entry at {@code rank} comes before an entry with this end and index. */
    private boolean isBefore(int rank, double end, int index) {
        int c = Double.compare(ends[rank], end);
        return c < 0 || (c == 0 && indices[rank] < index);
    }
}
