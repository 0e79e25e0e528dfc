package dev.gigawatt.sim;

import java.util.Collection;

/**
 * Training goodput: the accelerator-hours of work a set of jobs kept (their accelerators × the
 * compute time done) over the accelerator-hours they held. Held hours that are not useful are work
 * lost to failures and preemptions, checkpoint writes, restarts, and waiting for replacements.
 * 1 is returned when nothing was held.
 */
public final class Goodput {
    private Goodput() {}

    /** Σ useful ÷ Σ held accelerator-hours of {@code jobs}. */
    public static double of(Collection<JobRecord> jobs) {
        return JobTotals.of(jobs).goodput();
    }

    /**
     * 1 − Σ lost ÷ Σ held accelerator-hours of {@code jobs}: the share not lost to failures and
     * preemptions (checkpoints and restarts count as kept), larger than goodput.
     */
    public static double keptShare(Collection<JobRecord> jobs) {
        return JobTotals.of(jobs).keptShare();
    }
}
