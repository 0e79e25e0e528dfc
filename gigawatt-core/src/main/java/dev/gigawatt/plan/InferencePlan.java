package dev.gigawatt.plan;

import java.util.List;

/**
 * The planner's answer for one inference service. When no layout meets the objectives it names the
 * closest layout (the smallest miss factor) with no operating point: no throughput, replicas, batch or
 * latencies, only the shortfall.
 *
 * @param peakTokensPerSecond output tokens per second in the busiest hour at the horizon's end
 * @param tokensPerSecondPerReplica output tokens per second one replica serves within the SLOs
 * @param acceleratorsPerReplica accelerators in one replica (TP × PP), or in a disaggregated unit (its prefill and
 *     decode replicas)
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
 * @param itWattsByLoad IT power of one serving accelerator (its share of the host included) at 0 %, 5 %, …,
 *     100 % of the replica's throughput (the simulator's serving power hour by hour), W; empty when
 *     infeasible
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
        List<Alternative> alternatives,
        String shortfall,
        double missFactor,
        List<Double> itWattsByLoad) {
    /** Steps of {@link #itWattsByLoad}: 0 %, 5 %, …, 100 %. */
    public static final int LOAD_STEPS = 20;

    public InferencePlan {
        alternatives = List.copyOf(alternatives);
        itWattsByLoad = List.copyOf(itWattsByLoad);
    }

    /**
     * IT power of one serving accelerator at {@code load} (0..1) of the replica's throughput, linear
     * between the steps of {@link #itWattsByLoad}, W.
     */
    public double itWattsAtLoad(double load) {
        double x = Math.max(0, Math.min(1, load)) * LOAD_STEPS;
        int i = Math.min(LOAD_STEPS - 1, (int) x);
        return itWattsByLoad.get(i) + (x - i) * (itWattsByLoad.get(i + 1) - itWattsByLoad.get(i));
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
