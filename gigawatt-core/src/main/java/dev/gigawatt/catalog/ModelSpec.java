package dev.gigawatt.catalog;

import java.util.List;

/**
 * A transformer model's architecture: what the training and inference models need to count
 * FLOPs and bytes.
 *
 * @param parameters total parameters
 * @param activeParameters parameters used per token (equal to {@code parameters} for dense models)
 * @param kvHeads key/value heads (grouped-query attention); with {@code headDim} sets the KV cache size
 * @param trainingTokens tokens the published model was trained on, or 0 when unknown
 * @param shape MLP and expert shapes for the step-time model
 */
public record ModelSpec(
        String name,
        List<String> aliases,
        String family,
        String architecture,
        double parameters,
        double activeParameters,
        int layers,
        int hiddenSize,
        int heads,
        int kvHeads,
        int headDim,
        int vocabulary,
        int contextLength,
        double trainingTokens,
        Provenance provenance,
        TransformerShape shape)
        implements CatalogEntry {
    public ModelSpec {
        aliases = List.copyOf(aliases);
    }

    /** A dense model whose MLP width is derived from its parameter count. */
    public ModelSpec(
            String name,
            List<String> aliases,
            String family,
            String architecture,
            double parameters,
            double activeParameters,
            int layers,
            int hiddenSize,
            int heads,
            int kvHeads,
            int headDim,
            int vocabulary,
            int contextLength,
            double trainingTokens,
            Provenance provenance) {
        this(
                name,
                aliases,
                family,
                architecture,
                parameters,
                activeParameters,
                layers,
                hiddenSize,
                heads,
                kvHeads,
                headDim,
                vocabulary,
                contextLength,
                trainingTokens,
                provenance,
                TransformerShape.derivedDense(
                        activeParameters, layers, hiddenSize, heads, kvHeads, headDim, vocabulary));
    }

    /** True for a mixture-of-experts model. */
    public boolean isMoe() {
        return "moe".equals(architecture);
    }

    /** The latent-attention shape of an MLA model, or null. */
    public LatentAttention latentAttention() {
        return shape == null ? null : shape.latentAttention();
    }

    /**
     * KV-cache bytes per token of context: 2 (K and V) x layers x KV heads x head dim x bytes per value, or
     * layers x (latent + rotary key) x bytes per value with latent attention (whose single latent counts as
     * one KV head when tensor parallelism replicates it).
     */
    public double kvCacheBytesPerToken(double bytesPerValue) {
        LatentAttention mla = latentAttention();
        if (mla != null) {
            return (double) layers * mla.cachedValuesPerLayer() * bytesPerValue;
        }
        return 2.0 * layers * kvHeads * headDim * bytesPerValue;
    }

    /**
     * Attention FLOPs over all layers to decode one token against {@code contextTokens} cached ones: scores
     * and weighted sum per head ({@code 4·L·H·d·n}), or over the latent with latent attention.
     */
    public double decodeAttentionFlops(double contextTokens) {
        LatentAttention mla = latentAttention();
        double perPosition = mla != null ? mla.decodeFlopsPerHeadAndPosition() : 4.0 * headDim;
        return layers * heads * perPosition * contextTokens;
    }

    /**
     * Attention FLOPs over all layers of one causal prefill of {@code promptTokens}: half of the full square
     * of (query, key) pairs, scores and weighted sum per head ({@code 2·L·H·d·n²}).
     */
    public double prefillAttentionFlops(double promptTokens) {
        LatentAttention mla = latentAttention();
        double perPair = mla != null ? mla.prefillFlopsPerHeadAndPair() : 4.0 * headDim;
        return layers * heads * perPair * promptTokens * promptTokens / 2;
    }
}
