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
        double held = jobs.stream().mapToDouble(JobRecord::gpuHours).sum();
        double useful = jobs.stream().mapToDouble(JobRecord::usefulGpuHours).sum();
        return held == 0 ? 1 : useful / held;
    }

    /**
     * 1 − Σ lost ÷ Σ held accelerator-hours of {@code jobs}: the share not lost to failures and
     * preemptions (checkpoints and restarts count as kept), larger than goodput.
     */
    public static double keptShare(Collection<JobRecord> jobs) {
        double held = jobs.stream().mapToDouble(JobRecord::gpuHours).sum();
        double lost = jobs.stream().mapToDouble(JobRecord::lostGpuHours).sum();
        return held == 0 ? 1 : 1 - lost / held;
    }
}
