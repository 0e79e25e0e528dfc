package dev.gigawatt.model;

/** The times and capacity of one replica layout that {@link InferenceModel} picks an operating point from. */
interface ReplicaTimes {
    /** Concurrent sequences whose KV cache fits, 0 when the weights do not. */
    long maxBatchByMemory();

    /** Bytes the weights, the activations and one sequence's KV cache need on the fullest accelerator. */
    double bytesForOneSequence();

    /** Memory of the fullest accelerator available to weights, activations and KV cache, bytes. */
    double memoryBytes();

    /** Latency of one prompt's prefill, s. */
    double prefillSeconds();

    /** One decode step of {@code batch} sequences in flight, s. */
    double decodeStepSeconds(long batch);

    /** Compute time of that step's kernels, s. */
    double decodeComputeSeconds(long batch);

    /** Memory time of that step's kernels, s. */
    double decodeMemorySeconds(long batch);

    /** Time per output token seen by a user: decode step plus the share of interleaved prefills, s. */
    double tpotSeconds(long batch);

    /** Seconds one decode step's FLOPs would take on one accelerator at the peak FLOP/s of their precision. */
    double decodePeakComputeSeconds(long batch);

    /** Seconds one decode step's HBM reads would take on one accelerator at its peak bandwidth. */
    double decodePeakMemorySeconds(long batch);

    /** Seconds one prompt's prefill FLOPs would take on an accelerator at peak, over its prefill latency. */
    double prefillPeakComputeSeconds();

    /** Seconds one prompt's prefill weight reads would take on an accelerator at peak bandwidth. */
    double prefillPeakMemorySeconds();

    /** Time to first token: the prefill plus one decode step, s. */
    default double ttftSeconds(long batch) {
        return prefillSeconds() + decodeStepSeconds(batch);
    }

    /**
     * Prompts the replica prefills side by side in one {@link #prefillSeconds()}: 1 for a {@code TP × PP}
     * replica, its accelerators for data-parallel attention (each prefills its own prompt in lockstep).
     */
    default int prefillLanes() {
        return 1;
    }

    /**
     * Prefill time a lane interleaves into the decode steps per prompt: the whole prefill when prefill and
     * decode share the replica, none when they run on separate instances ({@link DisaggregatedUnit}), s.
     */
    default double interleavedPrefillSeconds() {
        return prefillSeconds();
    }

    /** Prompts each accelerator prefills per decode step at {@code batch} sequences in flight (chunked into the steps). */
    double promptsPerStep(long batch);

    /** Time to hand a prompt's KV cache from the instance that prefilled it to the one that decodes it, s. */
    default double handoffSeconds() {
        return 0;
    }
}
