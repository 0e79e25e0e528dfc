package dev.gigawatt.model;

/**
 * A replica serving open-loop Poisson arrivals at the largest rate whose latency percentiles meet the
 * objectives ({@link InferenceModel#server}).
 *
 * @param requestsPerSecond arrival rate served, requests/s (0 when no rate meets the objectives)
 * @param outputTokensPerSecond output tokens/s at that rate
 * @param meanBatch mean sequences in flight
 * @param percentileBatch sequences in flight at the percentile
 * @param ttftSeconds time to first token at the percentile, s
 * @param tpotSeconds time per output token at the percentile, s
 * @param prefillUtilisation share of the replica's time spent on prefills, 0..1
 */
public record ServerPerformance(
        double requestsPerSecond,
        double outputTokensPerSecond,
        double meanBatch,
        double percentileBatch,
        double ttftSeconds,
        double tpotSeconds,
        double prefillUtilisation) {
    /** No rate meets the objectives. */
    public static final ServerPerformance NONE = new ServerPerformance(0, 0, 0, 0, Double.NaN, Double.NaN, 0);

    /** True when some arrival rate meets the objectives. */
    public boolean feasible() {
        return requestsPerSecond > 0;
    }
}
