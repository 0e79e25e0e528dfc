package dev.gigawatt.model;

/**
 * Checkpoint/restart under exponentially distributed failures: the optimal checkpoint interval and
 * the effective training time ratio (ETTR, useful compute time / wall time).
 *
 * @see <a href="https://doi.org/10.1145/361147.361115">Young, A first order approximation to the optimum checkpoint interval, CACM 17(9), 1974</a>
 * @see <a href="https://doi.org/10.1016/j.future.2004.11.016">Daly, A higher order estimate of the optimum checkpoint interval for restart dumps, FGCS 22(3), 2006</a>
 */
public final class ReliabilityModel {
    private ReliabilityModel() {}

    /**
     * Mean time between job-interrupting failures of a job, s: failures of its accelerators add up.
     *
     * @param accelerators accelerators in the job
     * @param failuresPerAcceleratorHour failure rate of one accelerator (with its share of host and network)
     */
    public static double jobMtbfSeconds(long accelerators, double failuresPerAcceleratorHour) {
        return 3600.0 / (accelerators * failuresPerAcceleratorHour);
    }

    /** Young's first-order optimum interval {@code sqrt(2·δ·M)}, s. */
    public static double youngIntervalSeconds(double checkpointSeconds, double mtbfSeconds) {
        return Math.sqrt(2 * checkpointSeconds * mtbfSeconds);
    }

    /**
     * Daly's higher-order optimum compute time between checkpoints, s (Daly 2006, eq. 37):
     * {@code sqrt(2δM)·[1 + (1/3)·sqrt(δ/2M) + (1/9)·(δ/2M)] − δ} for {@code δ < 2M}, else {@code M}.
     *
     * @param checkpointSeconds time to write one checkpoint (δ), s
     * @param mtbfSeconds job mean time between failures (M), s
     */
    public static double dalyIntervalSeconds(double checkpointSeconds, double mtbfSeconds) {
        if (checkpointSeconds >= 2 * mtbfSeconds) {
            return mtbfSeconds;
        }
        double x = checkpointSeconds / (2 * mtbfSeconds);
        return Math.sqrt(2 * checkpointSeconds * mtbfSeconds) * (1 + Math.sqrt(x) / 3 + x / 9) - checkpointSeconds;
    }

    /**
     * Expected wall time per unit of useful compute (Daly 2006, eq. 20):
     * {@code (M/τ)·e^{R/M}·(e^{(τ+δ)/M} − 1)}. Its inverse is the ETTR.
     *
     * @param intervalSeconds compute time between checkpoints (τ), s
     * @param checkpointSeconds checkpoint write time (δ), s
     * @param restartSeconds time to detect, restart and reload after a failure (R), s
     * @param mtbfSeconds job mean time between failures (M), s
     */
    public static double wallTimePerComputeTime(
            double intervalSeconds, double checkpointSeconds, double restartSeconds, double mtbfSeconds) {
        double m = mtbfSeconds;
        return m
                / intervalSeconds
                * Math.exp(restartSeconds / m)
                * Math.expm1((intervalSeconds + checkpointSeconds) / m);
    }

    /** Effective training time ratio: useful compute time / wall time, 0..1. */
    public static double ettr(
            double intervalSeconds, double checkpointSeconds, double restartSeconds, double mtbfSeconds) {
        return 1 / wallTimePerComputeTime(intervalSeconds, checkpointSeconds, restartSeconds, mtbfSeconds);
    }
}
