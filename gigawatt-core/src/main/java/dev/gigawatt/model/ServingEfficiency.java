package dev.gigawatt.model;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.units.Dimension;

/**
 * How close real serving gets to the hardware's peaks.
 *
 * @param compute achievable fraction of dense peak FLOP/s, 0..1
 * @param memoryBandwidth achievable fraction of peak memory bandwidth, 0..1
 * @param usableMemory share of accelerator memory available to weights and KV cache, 0..1
 * @param tensorParallelSecondsPerLayer collective latency per layer per decode step under tensor parallelism, s
 * @param activationValuesPerHidden 16-bit activation values per prompt token per hidden unit an accelerator
 *     reserves for one layer's forward pass
 */
public record ServingEfficiency(
        double compute,
        double memoryBandwidth,
        double usableMemory,
        double tensorParallelSecondsPerLayer,
        double activationValuesPerHidden) {
    /** The defaults from {@code assumptions.yaml}. */
    public static ServingEfficiency defaults(Assumptions a) {
        return new ServingEfficiency(
                a.fraction("inference.computeEfficiency"),
                a.fraction("inference.memoryBandwidthEfficiency"),
                a.fraction("inference.usableMemoryFraction"),
                a.quantity("inference.tensorParallelLatencyPerLayer", Dimension.DURATION),
                a.number("inference.activationValuesPerHidden"));
    }
}
