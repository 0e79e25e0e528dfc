package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Catalog;

/**
 * Failure and recovery assumptions.
 *
 * @param failuresPerAcceleratorHour job-interrupting failures per accelerator-hour, all causes
 * @param repairTimeSeconds time to repair or replace a failed part, s
 * @param restartOverheadSeconds time to detect a failure, restart and reload a job, before the part that
 *     grows with its size, s
 * @param restartSecondsPerAccelerator restart time each accelerator of a job adds, s
 * @param hotSpareFraction share of each site's accelerators kept idle as hot spares, 0..1
 * @param mtbfGiven true when the scenario fixed {@code acceleratorMtbf}, which then holds for every
 *     accelerator generation
 */
public record Reliability(
        double failuresPerAcceleratorHour,
        double repairTimeSeconds,
        double restartOverheadSeconds,
        double restartSecondsPerAccelerator,
        double hotSpareFraction,
        boolean mtbfGiven) {

    /**
     * Failures per accelerator-hour of {@code accelerator}: the reference rate times its generation's
     * factor in the catalog, unless the scenario fixed the MTBF.
     */
    public double failuresPerAcceleratorHour(Accelerator accelerator, Catalog catalog) {
        return mtbfGiven
                ? failuresPerAcceleratorHour
                : failuresPerAcceleratorHour * catalog.failureRateFactor(accelerator);
    }

    /**
     * Time from a failure of a job on {@code accelerators} accelerators until it computes again: the fixed
     * overhead plus what each accelerator adds to the restart, s.
     */
    public double restartSeconds(long accelerators) {
        return restartOverheadSeconds + restartSecondsPerAccelerator * Math.max(0, accelerators);
    }

    /** Mean time between failures of one accelerator, hours. */
    public double acceleratorMtbfHours() {
        return 1 / failuresPerAcceleratorHour;
    }
}
