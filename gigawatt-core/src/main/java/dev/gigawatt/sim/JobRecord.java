package dev.gigawatt.sim;

/**
 * The outcome of one training job.
 *
 * @param submitSeconds when it was submitted, s since the horizon's start
 * @param startSeconds when it got its accelerators, s (NaN if it never started)
 * @param endSeconds when it completed, s (NaN if it did not complete within the horizon)
 * @param interruptions failures that interrupted it
 * @param preemptions times a higher-priority job preempted it
 * @param lostGpuHours accelerator-hours of work lost to failures (work since the last checkpoint and restarts)
 * @param gpuHours accelerator-hours it held
 * @param usefulGpuHours accelerator-hours of work it kept: its accelerators × the compute time done
 * @param ettr useful compute time / wall time from start to end (or to the horizon's end)
 * @param progress share of its compute done, 0..1
 * @param mix the job mix that generated it, or an empty string for a job of the scenario
 */
public record JobRecord(
        String name,
        String site,
        String accelerator,
        long gpus,
        double submitSeconds,
        double startSeconds,
        double endSeconds,
        int interruptions,
        int preemptions,
        double lostGpuHours,
        double gpuHours,
        double usefulGpuHours,
        double ettr,
        double progress,
        String mix) {
    /** True when the job finished within the horizon. */
    public boolean completed() {
        return !Double.isNaN(endSeconds);
    }

    /** Hours from submission to start (to the horizon's end if it never started). */
    public double waitHours(double horizonSeconds) {
        return ((Double.isNaN(startSeconds) ? horizonSeconds : startSeconds) - submitSeconds) / 3600;
    }
}
