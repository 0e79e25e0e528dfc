package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.model.Parallelism;
import java.time.LocalDate;

/**
 * A served model with its demand and latency objectives.
 *
 * @param dailyActiveUsers users per day
 * @param requestsPerUserPerDay requests each user makes per day
 * @param inputTokens prompt tokens per request (including context)
 * @param outputTokens generated tokens per request
 * @param cachedInputShare share of each prompt served from the prefix (KV) cache, whose prefill is skipped,
 *     0..1
 * @param ttftSloSeconds time-to-first-token objective, s
 * @param tpotSloSeconds time-per-output-token objective, s
 * @param sloPercentile the percentile both objectives hold at under Poisson arrivals (0.99 for p99), or NaN
 *     for objectives on the mean latency at a fixed batch
 * @param peakToMean ratio of the busiest hour's demand to the daily mean
 * @param growthPerYear yearly demand growth, 0.5 = +50 %/year
 * @param accelerator the accelerator to serve on, or null to choose the cheapest per token
 * @param parallelism the replica layout, or null to choose the cheapest meeting the SLOs
 * @param precision weight and KV-cache precision
 * @param start the day demand begins (the simulator serves nothing before it)
 */
public record InferenceService(
        String name,
        ModelSpec model,
        double dailyActiveUsers,
        double requestsPerUserPerDay,
        double inputTokens,
        double outputTokens,
        double cachedInputShare,
        double ttftSloSeconds,
        double tpotSloSeconds,
        double sloPercentile,
        double peakToMean,
        double growthPerYear,
        Accelerator accelerator,
        Parallelism parallelism,
        Precision precision,
        String site,
        LocalDate start) {
    /** True when the objectives hold at a percentile of Poisson arrivals rather than on the mean. */
    public boolean sloAtPercentile() {
        return !Double.isNaN(sloPercentile);
    }

    /** Output tokens per day across all users. */
    public double outputTokensPerDay() {
        return dailyActiveUsers * requestsPerUserPerDay * outputTokens;
    }

    /** Requests per second averaged over the day. */
    public double meanRequestsPerSecond() {
        return dailyActiveUsers * requestsPerUserPerDay / 86_400.0;
    }
}
