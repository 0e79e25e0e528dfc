package dev.gigawatt.catalog;

import java.util.List;

/**
 * What an accelerator family achieves when serving LLMs: the share of dense peak its GEMMs reach as the
 * tokens in flight grow, and the share of HBM bandwidth decode reads reach.
 *
 * @param accelerators catalog names of the family's accelerators
 * @param gemm share of the serving precision's dense peak FLOP/s reached by GEMMs with many tokens, 0..1
 * @param gemmHalfTokens tokens per GEMM (micro-batch in decode, prompt in prefill) at half of {@code gemm}
 * @param memory share of peak HBM bandwidth reached by decode's weight and KV-cache reads, 0..1
 */
public record ServingFamily(
        String name,
        List<String> aliases,
        List<String> accelerators,
        double gemm,
        double gemmHalfTokens,
        double memory,
        Provenance provenance)
        implements CatalogEntry {
    public ServingFamily {
        aliases = List.copyOf(aliases);
        accelerators = List.copyOf(accelerators);
    }
}
