package dev.gigawatt.model;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.NetworkSpec;
import dev.gigawatt.catalog.ServingFamily;
import dev.gigawatt.catalog.TrainingEfficiency;

/**
 * How close real serving gets to the hardware's peaks, and the network its collectives cross.
 *
 * @param gemm share of the precision's dense peak FLOP/s that GEMMs with many tokens reach, 0..1
 * @param gemmHalfTokens tokens per GEMM at which it reaches half of {@code gemm}
 * @param memoryBandwidth achievable fraction of peak memory bandwidth, 0..1
 * @param usableMemory share of accelerator memory available to weights and KV cache, 0..1
 * @param activationValuesPerHidden 16-bit activation values per prompt token per hidden unit an accelerator
 *     reserves for one layer's forward pass
 * @param network the scale-up and scale-out tiers tensor-parallel all-reduces cross
 * @param communication share of link bandwidth collectives reach, 0..1
 */
public record ServingEfficiency(
        double gemm,
        double gemmHalfTokens,
        double memoryBandwidth,
        double usableMemory,
        double activationValuesPerHidden,
        NetworkSpec network,
        double communication) {
    /**
     * The family an accelerator no family lists (one from a user catalog) is served with: the most
     * calibrated one, with its network.
     */
    public static final String FALLBACK_FAMILY = "nvidia-hopper";

    /** The share of dense peak reached by GEMMs carrying {@code tokens} tokens: {@code gemm × T / (T + T½)}. */
    public double gemmAt(double tokens) {
        return gemm * tokens / (tokens + gemmHalfTokens);
    }

    /** The same with other achieved-efficiency figures (for fitting). */
    public ServingEfficiency with(double gemm, double gemmHalfTokens, double memoryBandwidth) {
        return new ServingEfficiency(
                gemm, gemmHalfTokens, memoryBandwidth, usableMemory, activationValuesPerHidden, network, communication);
    }

    /**
     * The efficiencies for {@code accelerator}: GEMM and HBM shares of its family in {@code serving.yaml};
     * memory and activations from {@code assumptions.yaml}; the network and
     * communication efficiency of its family in {@code training.yaml} (the step-time model's, one place),
     * or {@code siteNetwork} when the site names one; {@link #FALLBACK_FAMILY}'s when no family lists
     * the accelerator.
     */
    public static ServingEfficiency of(Assumptions a, Catalog catalog, Accelerator accelerator, String siteNetwork) {
        TrainingEfficiency family = catalog.trainingEfficiency(accelerator)
                .or(() -> catalog.trainingEfficiency().find(FALLBACK_FAMILY))
                .orElseThrow(() -> new IllegalArgumentException(
                        "no accelerator family in training.yaml for " + accelerator.name()));
        String name = siteNetwork != null ? siteNetwork : family.network();
        NetworkSpec network = catalog.networks()
                .find(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown network " + name));
        ServingFamily serving = catalog.servingFamily(accelerator)
                .or(() -> catalog.servingFamilies().find(FALLBACK_FAMILY))
                .orElseThrow(() -> new IllegalArgumentException(
                        "no accelerator family in serving.yaml for " + accelerator.name()));
        return new ServingEfficiency(
                serving.gemm(),
                serving.gemmHalfTokens(),
                serving.memory(),
                a.fraction("inference.usableMemoryFraction"),
                a.number("inference.activationValuesPerHidden"),
                network,
                family.communicationEfficiency());
    }
}
