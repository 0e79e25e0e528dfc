package dev.gigawatt.scenario;

/**
 * Failure and recovery assumptions.
 *
 * @param failuresPerAcceleratorHour job-interrupting failures per accelerator-hour, all causes
 * @param repairTimeSeconds time to repair or replace a failed part, s
 * @param restartOverheadSeconds time to detect a failure, restart and reload a job, s
 * @param hotSpareFraction share of each site's accelerators kept idle as hot spares, 0..1
 */
public record Reliability(
        double failuresPerAcceleratorHour,
        double repairTimeSeconds,
        double restartOverheadSeconds,
        double hotSpareFraction) {
    /** Mean time between failures of one accelerator, hours. */
    public double acceleratorMtbfHours() {
        return 1 / failuresPerAcceleratorHour;
    }
}
