package dev.gigawatt.sim;

import java.util.Locale;

/**
 * Something that happened to a training job.
 *
 * @param timeSeconds seconds since the horizon's start
 * @param kind what happened
 * @param lostGpuHours accelerator-hours of work lost (failures and preemptions only)
 */
public record JobEvent(double timeSeconds, String job, Kind kind, double lostGpuHours) {
    /** What can happen to a training job, in the order of its life. */
    public enum Kind {
        /** The job arrives in its pool's queue. */
        SUBMIT,
        /** It is given its accelerators for the first time. */
        START,
        /** A fault interrupts it; the work since its last checkpoint is lost. */
        FAILURE,
        /** A hardware fault took accelerators and no healthy one is idle: it waits for a replacement. */
        WAITING,
        /** It computes again after a failure, from its last checkpoint. */
        RESTART,
        /** A higher-priority job or serving took its accelerators; it goes back to its queue. */
        PREEMPTED,
        /** It is given accelerators again after a preemption. */
        RESUME,
        /** Its work is done. */
        COMPLETE;

        /** The name in job_events.csv and the results database: {@code submit}, {@code start}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
