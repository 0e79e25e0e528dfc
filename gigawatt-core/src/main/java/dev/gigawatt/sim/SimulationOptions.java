package dev.gigawatt.sim;

/**
 * How to run one simulation.
 *
 * @param replication index of the replication: with the scenario's seed it selects the random streams
 * @param policy how queued training jobs are scheduled
 */
public record SimulationOptions(long replication, SchedulingPolicy policy) {
    /** Replication 0 with the given policy. */
    public static SimulationOptions of(SchedulingPolicy policy) {
        return new SimulationOptions(0, policy);
    }
}
