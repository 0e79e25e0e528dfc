package dev.gigawatt.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The simulation's training jobs by index: the scenario's own (and their phases) first, made up
 * front, then each job mix's, made one arrival ahead by its {@link MixArrivals}. A generated job
 * that finishes leaves its record in its place, so memory follows the jobs in flight, not every
 * job of the horizon.
 */
final class Jobs {
    private final List<JobState> explicit;
    private final List<MixArrivals> mixes;
    private final JobState[] states;
    /** Finished generated jobs' states, free to hold the next job a mix makes. */
    private final ArrayDeque<JobState> free = new ArrayDeque<>();
    /** A finished generated job's record, by index, when the run keeps records; else null. */
    private final JobRecord[] finished;
    // What the totals read of every job, by index: filled as generated jobs finish and at the end.
    private final boolean[] completed;
    private final int[] interruptions;
    private final double[] lostGpuHours;
    private final double[] heldGpuHours;
    private final double[] usefulGpuHours;

    /** The jobs' records and their totals at the horizon's end. */
    record Ended(List<JobRecord> records, JobTotals totals) {}

    Jobs(List<JobState> explicit, List<MixArrivals> mixes, boolean keepRecords) {
        this.explicit = explicit;
        this.mixes = mixes;
        int size = explicit.size() + mixes.stream().mapToInt(m -> m.count).sum();
        states = new JobState[size];
        finished = keepRecords ? new JobRecord[size] : null;
        completed = new boolean[size];
        interruptions = new int[size];
        lostGpuHours = new double[size];
        heldGpuHours = new double[size];
        usefulGpuHours = new double[size];
        explicit.forEach(j -> states[j.index] = j);
    }

    /** True when the run keeps every job's record; else records are read only for the totals. */
    boolean keepsRecords() {
        return finished != null;
    }

    /** The scenario's explicit jobs and phases, in index order. */
    List<JobState> explicit() {
        return explicit;
    }

    /** The job mixes' streams, in the scenario's order. */
    List<MixArrivals> mixes() {
        return mixes;
    }

    /** Job {@code index} while it is in flight or waiting; null once a generated job has finished. */
    JobState get(int index) {
        return states[index];
    }

    /** The pool of job {@code index}, whether or not it is still in memory. */
    Pool pool(int index) {
        JobState j = states[index];
        if (j != null) {
            return j.pool;
        }
        for (MixArrivals m : mixes) {
            if (m.owns(index)) {
                return m.pool();
            }
        }
        throw new IllegalStateException("no job " + index);
    }

    /** Makes {@code mix}'s next job, in a finished job's state when one is free, and keeps it by its index. */
    JobState next(MixArrivals mix) {
        JobState j = mix.next(free.poll());
        states[j.index] = j;
        return j;
    }

    /**
     * The job of {@code j}'s mix that arrives after it, made now, when {@code j} is generated and the
     * newest of its mix and the mix has more; else null.
     */
    JobState nextAfter(JobState j) {
        MixArrivals m = j.arrivals;
        return m != null && m.isNewest(j) && !m.exhausted() ? next(m) : null;
    }

    /**
     * A generated job has finished: the numbers of its record stay in place of its state, and the record
     * itself ({@code record}, null when the run keeps none).
     */
    void finish(JobState j, JobRecord record) {
        if (j.arrivals != null) {
            keep(j);
            if (finished != null) {
                finished[j.index] = record;
            }
            states[j.index] = null;
            // Nothing holds a finished job (queues, holding lists and the expected-end heap let go of
            // it as it completes; events name it by index and find no state), so its state is reused.
            free.push(j);
        }
    }

    /** Keeps what the totals read of {@code j}: the numbers its record has, from the same expressions. */
    private void keep(JobState j) {
        int index = j.index;
        completed[index] = !Double.isNaN(j.endSeconds);
        interruptions[index] = j.interruptions;
        lostGpuHours[index] = Training.lostGpuHours(j);
        heldGpuHours[index] = Training.heldGpuHours(j);
        usefulGpuHours[index] = Training.usefulGpuHours(j);
    }

    /**
     * At the horizon's end: every job's record in index order (none when the run keeps no records),
     * the finished generated jobs' as they were recorded, the others' from {@code record}, which brings
     * a job to the end and gives its record or, when the run keeps none, null (after the
     * jobs a mix had not yet made are made, pending), and their totals, summed in index order.
     */
    Ended end(Function<JobState, JobRecord> record) {
        for (MixArrivals m : mixes) {
            while (!m.exhausted()) {
                next(m);
            }
        }
        List<JobRecord> records = finished == null ? List.of() : new ArrayList<>(states.length);
        long done = 0;
        long interrupted = 0;
        for (int i = 0; i < states.length; i++) {
            JobState j = states[i];
            JobRecord r = j != null ? record.apply(j) : finished == null ? null : finished[i];
            if (j != null) {
                keep(j);
            }
            if (finished != null) {
                records.add(r);
            }
            done += completed[i] ? 1 : 0;
            interrupted += interruptions[i];
        }
        return new Ended(
                records,
                new JobTotals(
                        states.length,
                        done,
                        interrupted,
                        Arrays.stream(lostGpuHours).sum(),
                        Arrays.stream(heldGpuHours).sum(),
                        Arrays.stream(usefulGpuHours).sum()));
    }
}
