package dev.gigawatt.plan;

/**
 * The planner's answer for one inference service. When no layout meets the objectives it names the
 * closest layout (the smallest miss factor) with no operating point: no throughput, replicas, batch or
 * latencies, only the shortfall.
 *
 * @param peakTokensPerSecond output tokens per second in the busiest hour at the horizon's end
 * @param tokensPerSecondPerReplica output tokens per second one replica serves within the SLOs
 * @param acceleratorsPerReplica accelerators in one replica (TP × PP)
 * @param replicas replicas needed for the peak
 * @param accelerators accelerators needed for the peak
 * @param batch concurrent sequences per replica at the operating point
 * @param ttftSeconds time to first token at the operating point, s
 * @param tpotSeconds time per output token at the operating point, s
 * @param latencyPercentile the percentile of Poisson arrivals TTFT and TPOT are at (0.99 for p99), or NaN
 *     when they are mean latencies at a fixed batch
 * @param meanUtilisation mean load over provisioned capacity, 0..1
 * @param energyMwhPerYear facility energy per year, MWh
 * @param co2eTonnesPerYear location-based emissions per year, tCO2e
 * @param usdPerMillionTokens full cost per million output tokens, USD
 * @param alternatives every configuration considered when choosing, cheapest first
 * @param shortfall when infeasible, the closest layout's binding limit with both numbers; null when feasible
 * @param missFactor when infeasible, by how much the closest layout misses (1.3 = 30 % over); NaN when feasible
 */
public record InferencePlan(
        String name,
        String model,
        String accelerator,
        String parallelism,
        String precision,
        String site,
        boolean feasible,
        double peakTokensPerSecond,
        double tokensPerSecondPerReplica,
        int acceleratorsPerReplica,
        long replicas,
        long accelerators,
        long batch,
        double ttftSeconds,
        double tpotSeconds,
        double latencyPercentile,
        double meanUtilisation,
        double energyMwhPerYear,
        double co2eTonnesPerYear,
        double usdPerMillionTokens,
        java.util.List<Alternative> alternatives,
        String shortfall,
        double missFactor) {
    public InferencePlan {
        alternatives = java.util.List.copyOf(alternatives);
    }

    /** One serving configuration the planner evaluated. */
    public record Alternative(
            String accelerator,
            String parallelism,
            boolean feasible,
            double tokensPerSecondPerReplica,
            long accelerators,
            double usdPerMillionTokens) {}
}
