package dev.gigawatt.model;

import java.util.Locale;

/**
 * How much of the forward pass is recomputed in the backward pass to save activation memory.
 *
 * @see <a href="https://arxiv.org/abs/2205.05198">Korthikanti et al., Reducing Activation Recomputation
 *     in Large Transformer Models (2022)</a>
 */
public enum Recompute {
    /** Every activation kept. */
    NONE,
    /**
     * The cheap parts recomputed: attention core, norms and activation functions (Korthikanti et al.'s
     * selective recomputation as Megatron-Core extends it); only the GEMM inputs that are costly to
     * rebuild are kept.
     */
    SELECTIVE,
    /** Only each layer's input kept; the whole layer runs forward twice. */
    FULL;

    /** The lower-case key used in files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
