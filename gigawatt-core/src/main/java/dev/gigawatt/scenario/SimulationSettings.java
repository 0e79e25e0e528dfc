package dev.gigawatt.scenario;

/**
 * Settings of the discrete-event simulator.
 *
 * @param scheduler the training scheduler: fifo, easy-backfill or priority
 * @param lendServingTrough lend accelerators that services reserve for their daily peak, but do not
 *     need in the current hour, to preemptible training jobs (reclaimed when demand returns)
 */
public record SimulationSettings(String scheduler, boolean lendServingTrough) {
    /** FIFO, no lending. */
    public static SimulationSettings defaults() {
        return new SimulationSettings("fifo", false);
    }
}
