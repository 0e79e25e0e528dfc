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

    /** KV-cache bytes per token of context: 2 (K and V) x layers x KV heads x head dim x bytes per value. */
    public double kvCacheBytesPerToken(double bytesPerValue) {
        return 2.0 * layers * kvHeads * headDim * bytesPerValue;
    }
}
