package dev.gigawatt.model;

/**
 * What one model replica achieves at the largest batch that meets the latency objectives.
 *
 * @param maxBatchByMemory concurrent sequences whose KV cache fits, 0 when the weights do not fit
 * @param batch concurrent sequences at the operating point (0 when no batch meets the SLOs)
 * @param tokensPerSecond output tokens per second at the operating point
 * @param tpotSeconds time per output token seen by a user, including interleaved prefills, s
 * @param ttftSeconds time to first token: the prefill plus one decode step, s
 * @param decodeStepSeconds one decode iteration of the whole batch, s
 * @param prefillSeconds prefill of one request's prompt, s
 * @param computeBound true when the decode step is limited by FLOP/s rather than memory bandwidth
 */
public record ReplicaPerformance(
        long maxBatchByMemory,
        long batch,
        double tokensPerSecond,
        double tpotSeconds,
        double ttftSeconds,
        double decodeStepSeconds,
        double prefillSeconds,
        boolean computeBound) {
    /** True when the replica can serve at all within the objectives. */
    public boolean feasible() {
        return batch > 0;
    }
}
