package dev.gigawatt.catalog;

import java.util.List;

/**
 * Failure observations of a large training cluster, from which default failure rates are derived.
 *
 * @param observedAccelerators accelerators in the observed cluster
 * @param observedDays length of the observation, days
 * @param repairTimeSeconds typical time to repair or replace a failed part, s
 * @param restartOverheadSeconds time to detect a failure, restart and reload a job, before the part that
 *     grows with its size, s
 * @param restartSecondsPerAccelerator restart time each accelerator of the job adds (process
 *     rendezvous and collective communicator set-up), s
 */
public record ReliabilityData(
        int observedAccelerators,
        double observedDays,
        List<FailureCategory> categories,
        double repairTimeSeconds,
        double restartOverheadSeconds,
        double restartSecondsPerAccelerator,
        Provenance provenance) {
    public ReliabilityData {
        categories = List.copyOf(categories);
    }

    /** Interruptions across all categories in the observation. */
    public int totalInterruptions() {
        return categories.stream().mapToInt(FailureCategory::interruptions).sum();
    }

    /** Interruptions per accelerator-hour, all causes: the default failure rate. */
    public double failuresPerAcceleratorHour() {
        return totalInterruptions() / (observedAccelerators * observedDays * 24.0);
    }

    /**
     * Share of interruptions that take accelerators out of the job (accelerator and host faults); the
     * rest (software, network) restart the job and send nothing to repair.
     */
    public double hardwareShare() {
        int total = totalInterruptions();
        int hardware = categories.stream()
                .filter(c -> "accelerator".equals(c.component()) || "host".equals(c.component()))
                .mapToInt(FailureCategory::interruptions)
                .sum();
        return total > 0 ? (double) hardware / total : 1.0;
    }
}
