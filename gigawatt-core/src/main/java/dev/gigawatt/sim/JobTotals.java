package dev.gigawatt.sim;

import java.util.Collection;

/**
 * The training jobs of a run, summed: what the KPIs read, kept whether or not the run keeps each
 * job's record. Sums are over the jobs in index order, so they are the same to the bit either way.
 *
 * @param jobs training jobs, explicit and generated
 * @param completed of those, the jobs that finished within the horizon
 * @param interruptions failures that interrupted a job
 * @param lostGpuHours accelerator-hours of work lost to failures and preemptions
 * @param heldGpuHours accelerator-hours the jobs held
 * @param usefulGpuHours accelerator-hours of work the jobs kept
 */
public record JobTotals(
        long jobs,
        long completed,
        long interruptions,
        double lostGpuHours,
        double heldGpuHours,
        double usefulGpuHours) {
    /** The totals of {@code records}, in their order. */
    public static JobTotals of(Collection<JobRecord> records) {
        return new JobTotals(
                records.size(),
                records.stream().filter(JobRecord::completed).count(),
                records.stream().mapToInt(JobRecord::interruptions).sum(),
                records.stream().mapToDouble(JobRecord::lostGpuHours).sum(),
                records.stream().mapToDouble(JobRecord::gpuHours).sum(),
                records.stream().mapToDouble(JobRecord::usefulGpuHours).sum());
    }

    /** Training goodput: Σ useful ÷ Σ held accelerator-hours; 1 when nothing was held. */
    public double goodput() {
        return heldGpuHours == 0 ? 1 : usefulGpuHours / heldGpuHours;
    }

    /** 1 − Σ lost ÷ Σ held accelerator-hours: the share not lost to failures and preemptions; 1 when nothing was held. */
    public double keptShare() {
        return heldGpuHours == 0 ? 1 : 1 - lostGpuHours / heldGpuHours;
    }
}
