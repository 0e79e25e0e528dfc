package dev.gigawatt.sim;

/**
 * How to run one simulation.
 *
 * @param replication index of the replication: with the scenario's seed it selects the random streams
 * @param policy how queued training jobs are scheduled
 * @param recordJobEvents whether to keep every job's event log ({@link SimulationResult#jobEvents()});
 *     a run read only for its KPIs (a sweep's) leaves it out and gets an empty log, with every other
 *     output unchanged
 * @param recordJobs whether to keep every job's record ({@link SimulationResult#jobs()}); without them
 *     the run still has the jobs' totals ({@link SimulationResult#jobTotals()}), the same to the bit, and
 *     every other output unchanged
 */
public record SimulationOptions(
        long replication, SchedulingPolicy policy, boolean recordJobEvents, boolean recordJobs) {
    /** Replication {@code replication} with the given policy, keeping the job records and event log. */
    public SimulationOptions(long replication, SchedulingPolicy policy) {
        this(replication, policy, true, true);
    }

    /** Replication 0 with the given policy, keeping the job records and event log. */
    public static SimulationOptions of(SchedulingPolicy policy) {
        return new SimulationOptions(0, policy);
    }

    /** These options without the job event log: for runs that read job outcomes but not their histories. */
    public SimulationOptions withoutJobEvents() {
        return new SimulationOptions(replication, policy, false, recordJobs);
    }

    /**
     * These options without the job event log or the job records: for runs read only for their KPIs (a
     * sweep's), whose memory then follows the jobs in flight rather than every job of the horizon.
     */
    public SimulationOptions kpisOnly() {
        return new SimulationOptions(replication, policy, false, false);
    }
}
