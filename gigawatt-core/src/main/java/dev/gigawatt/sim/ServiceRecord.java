package dev.gigawatt.sim;

/**
 * How an inference service fared.
 *
 * @param replicasAtPeak replicas reserved on the busiest day
 * @param demandTokens output tokens demanded over the horizon
 * @param servedTokens output tokens served within the SLOs
 * @param hours hours simulated
 * @param hoursMet hours in which all demand was served
 */
public record ServiceRecord(
        String name,
        String site,
        String accelerator,
        String parallelism,
        long replicasAtPeak,
        double demandTokens,
        double servedTokens,
        int hours,
        int hoursMet) {
    /** Share of hours in which every request was served within its SLOs. */
    public double sloAttainment() {
        return hours == 0 ? 1 : (double) hoursMet / hours;
    }

    /** Output tokens demanded but not served. */
    public double unmetTokens() {
        return demandTokens - servedTokens;
    }
}
