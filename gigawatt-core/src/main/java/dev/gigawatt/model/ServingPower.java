package dev.gigawatt.model;

/**
 * Power of one accelerator of a serving replica, from what its kernels do in each phase.
 *
 * <p>While a phase runs, the accelerator draws its idle power plus a share of its dynamic range
 * {@code TDP − idle}: {@code min(1, s_c·u_c + s_m·u_m)}, where {@code u_c} is the FLOP/s it executes over its
 * peak and {@code u_m} the HBM bytes/s it moves over its peak bandwidth ({@link ServingPowerShares}); the
 * power limit caps it at TDP. Prefill is compute-bound (large {@code u_c}); decode at small batch is
 * memory-bound (weights and KV cache streamed, little arithmetic); collectives and kernel gaps count as time
 * with neither. Over a step of batch {@code b} the replica decodes for {@code d(b)} and prefills newly
 * arrived prompts for {@code TPOT(b) − d(b)}, so the power at batch {@code b} is the time-weighted mean of
 * the two phases.
 *
 * <p>A service below the replica's capacity does not idle between full batches: continuous batching runs
 * fewer sequences at once. The power at load share {@code u} is that of the batch whose throughput is
 * {@code u} of the operating batch's, interpolated between whole batches (batch 0 draws idle power). Where
 * the phase mix makes a larger batch draw slightly less (a step turning compute-bound loses more memory
 * activity than it gains compute activity), the curve is held at its running maximum over smaller
 * batches, so that more load never lowers power.
 *
 * @see <a href="https://arxiv.org/abs/2505.06371">Chung et al., The ML.ENERGY Benchmark, NeurIPS Datasets and Benchmarks 2025</a>
 * @see <a href="https://doi.org/10.1145/3620666.3651329">Patel et al., Characterizing Power Management Opportunities for LLMs in the Cloud, ASPLOS 2024</a>
 */
final class ServingPower {
    private ServingPower() {}

    /**
     * Power while a phase with compute activity {@code compute} and memory activity {@code memory} runs, W.
     *
     * @param idleWatts accelerator idle power, W
     * @param tdpWatts accelerator power limit, W
     */
    static double phaseWatts(
            double idleWatts, double tdpWatts, ServingPowerShares shares, double compute, double memory) {
        double dynamic = Math.min(1, Math.max(0, shares.compute() * compute + shares.memory() * memory));
        return idleWatts + (tdpWatts - idleWatts) * dynamic;
    }

    /** Mean power over steps of {@code batch} sequences in flight, prefills included, W. */
    static double atBatch(ReplicaTimes r, long batch, double idleWatts, double tdpWatts, ServingPowerShares shares) {
        if (batch < 1) {
            return idleWatts;
        }
        double decode = r.decodeStepSeconds(batch);
        double prefillPerStep = Math.max(0, r.tpotSeconds(batch) - decode);
        double decodeWatts = phaseWatts(
                idleWatts,
                tdpWatts,
                shares,
                r.decodePeakComputeSeconds(batch) / decode,
                r.decodePeakMemorySeconds(batch) / decode);
        double prefill = r.prefillSeconds();
        double prefillWatts = phaseWatts(
                idleWatts,
                tdpWatts,
                shares,
                r.prefillPeakComputeSeconds() / prefill,
                r.prefillPeakMemorySeconds() / prefill);
        return (decode * decodeWatts + prefillPerStep * prefillWatts) / (decode + prefillPerStep);
    }

    /**
     * Mean power at {@code loadShare} of the throughput at {@code operatingBatch}: the batch continuous
     * batching then runs, interpolated between whole batches, W.
     */
    static double atLoad(
            ReplicaTimes r,
            long operatingBatch,
            double loadShare,
            double idleWatts,
            double tdpWatts,
            ServingPowerShares shares) {
        if (operatingBatch < 1 || loadShare <= 0) {
            return idleWatts;
        }
        double share = Math.min(1, loadShare);
        double target = share * throughput(r, operatingBatch);
        long lo = 1;
        long hi = operatingBatch;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (throughput(r, mid) >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        long above = lo;
        double upper = throughput(r, above);
        double lower = above == 1 ? 0 : throughput(r, above - 1);
        double wattsBelow = idleWatts;
        for (long b = 1; b < above; b++) {
            wattsBelow = Math.max(wattsBelow, atBatch(r, b, idleWatts, tdpWatts, shares));
        }
        double wattsAbove = Math.max(wattsBelow, atBatch(r, above, idleWatts, tdpWatts, shares));
        double t = upper > lower ? Math.min(1, Math.max(0, (target - lower) / (upper - lower))) : 1;
        return wattsBelow + (wattsAbove - wattsBelow) * t;
    }

    /** Output tokens/s at {@code batch} sequences in flight. */
    static double throughput(ReplicaTimes r, long batch) {
        return batch / r.tpotSeconds(batch);
    }
}
