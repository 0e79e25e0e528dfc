package dev.gigawatt.model;

/**
 * Power of one accelerator of a serving replica, from what its kernels do in each phase.
 *
 * <p>While a phase runs, the accelerator draws its idle power plus a share of its dynamic range
 * {@code TDP − idle}: {@code min(1, s_c·u_c + s_m·u_m)}, where {@code u_c} is the FLOP/s it executes over its
 * peak and {@code u_m} the HBM bytes/s it moves over its peak bandwidth ({@link ServingPowerShares}); the
 * power limit caps it at TDP. Prefill is compute-bound (large {@code u_c}); decode at small batch is
 * memory-bound (weights and KV cache streamed, little arithmetic); collectives and kernel gaps count as time
 * with neither. A step of batch {@code b} decodes and carries the chunks of the newly arrived prompts
 * ({@link ReplicaTimes#promptsPerStep}), so its activities are the step's and the chunks' FLOPs and bytes at
 * peak over the step's time, {@code TPOT(b)}.
 *
 * <p>A service below the replica's capacity does not idle between full batches: continuous batching runs
 * fewer sequences at once. The power at load share {@code u} is that of the batch whose throughput is
 * {@code u} of the operating batch's, interpolated between whole batches (batch 0 draws idle power). Where
 * the phase mix makes a larger batch draw slightly less (a step turning compute-bound loses more memory
 * activity than it gains compute activity), the curve is held at its running maximum over smaller
 * batches (every batch to 64, then steps of 1/64), so that more load never lowers power.
 *
 * @see <a href="https://arxiv.org/abs/2505.06371">Chung et al., The ML.ENERGY Benchmark, NeurIPS Datasets and Benchmarks 2025</a>
 * @see <a href="https://doi.org/10.1145/3620666.3651329">Patel et al., Characterizing Power Management Opportunities for LLMs in the Cloud, ASPLOS 2024</a>
 */
final class ServingPower {
    /**
     * The running maximum visits every batch up to this one, then steps of {@code 1/RUNNING_MAX_STEPS} of the
     * batch: the same batches whatever the load, so power still never falls as load rises, at a cost that
     * grows with the log of the batch rather than the batch (thousands of sequences in a large unit).
     */
    private static final long RUNNING_MAX_STEPS = 64;

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
        if (r instanceof DisaggregatedUnit unit) {
            return disaggregated(unit, batch, idleWatts, tdpWatts, shares);
        }
        double step = r.tpotSeconds(batch);
        double prompts = r.promptsPerStep(batch);
        double compute = (r.decodePeakComputeSeconds(batch) + prompts * r.prefillPeakComputeSeconds()) / step;
        double memory = (r.decodePeakMemorySeconds(batch) + prompts * r.prefillPeakMemorySeconds()) / step;
        return phaseWatts(idleWatts, tdpWatts, shares, compute, memory);
    }

    /**
     * Mean power per accelerator of a disaggregated unit: its prefill instances at prefill power for the
     * share of time they are busy and idle otherwise, its decode instances at decode power while they step
     * (all the time unless the prefill instances cannot keep up), W.
     */
    private static double disaggregated(
            DisaggregatedUnit unit, long batch, double idleWatts, double tdpWatts, ServingPowerShares shares) {
        double decode = unit.decodeStepSeconds(batch);
        double decodeWatts = phaseWatts(
                idleWatts,
                tdpWatts,
                shares,
                unit.decodePeakComputeSeconds(batch) / decode,
                unit.decodePeakMemorySeconds(batch) / decode);
        double prefill = unit.prefillSeconds();
        double prefillWatts = phaseWatts(
                idleWatts,
                tdpWatts,
                shares,
                unit.prefillPeakComputeSeconds() / prefill,
                unit.prefillPeakMemorySeconds() / prefill);
        double prefillBusy = unit.prefillBusyShare(batch);
        double decodeBusy = unit.decodeBusyShare(batch);
        double prefillSide = prefillBusy * prefillWatts + (1 - prefillBusy) * idleWatts;
        double decodeSide = decodeBusy * decodeWatts + (1 - decodeBusy) * idleWatts;
        return (unit.prefillAccelerators() * prefillSide + unit.decodeAccelerators() * decodeSide)
                / (unit.prefillAccelerators() + unit.decodeAccelerators());
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
        for (long b = 1; b < above; b += Math.max(1, b / RUNNING_MAX_STEPS)) {
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
