package dev.gigawatt.model;

import java.util.Locale;

/**
 * How the data-parallel replicas share weights, gradients and optimizer states.
 *
 * @see <a href="https://arxiv.org/abs/1910.02054">Rajbhandari et al., ZeRO (2020)</a>
 */
public enum Sharding {
    /** Every replica holds everything; gradients all-reduced (plain DDP). */
    NONE,
    /** Optimizer states sharded (ZeRO-1, Megatron's distributed optimizer). */
    OPTIMIZER,
    /** Weights, gradients and optimizer states sharded, weights gathered per layer (ZeRO-3, FSDP). */
    FULL;

    /** The lower-case key used in files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
