package dev.gigawatt.catalog;

/**
 * The layer shapes of a transformer that the step-time model needs beyond {@link ModelSpec}'s headline
 * figures: the MLP width and, for mixture-of-experts models, the experts.
 *
 * @param ffnHiddenSize width of a dense layer's MLP
 * @param gatedMlp true for a gated MLP (SwiGLU: three weight matrices), false for two
 * @param experts routed experts per MoE layer, 0 for a dense model
 * @param expertsPerToken routed experts each token visits (top-k)
 * @param expertFfnHiddenSize MLP width of one expert
 * @param sharedExperts experts every token visits besides the routed ones
 * @param moeLayers layers whose MLP is a mixture of experts (the rest are dense)
 * @param tiedEmbeddings true when the input embedding and the output head share weights
 * @param latentAttention the latent-attention shape of an MLA model, or null for multi-head/grouped-query
 *     attention
 */
public record TransformerShape(
        int ffnHiddenSize,
        boolean gatedMlp,
        int experts,
        int expertsPerToken,
        int expertFfnHiddenSize,
        int sharedExperts,
        int moeLayers,
        boolean tiedEmbeddings,
        LatentAttention latentAttention) {

    /** True when some layers route tokens to experts. */
    public boolean isMoe() {
        return experts > 0 && moeLayers > 0;
    }

    /**
     * A dense shape whose MLP width is solved from the parameter count: what is left per layer after
     * the attention projections and the embeddings, over {@code 3·d} (gated) or {@code 2·d} weights.
     */
    public static TransformerShape derivedDense(
            double parameters, int layers, int hidden, int heads, int kvHeads, int headDim, int vocabulary) {
        double attention = (double) hidden * (heads + 2.0 * kvHeads) * headDim + (double) heads * headDim * hidden;
        double embeddings = 2.0 * vocabulary * hidden;
        double mlp = Math.max(0, (parameters - embeddings) / layers - attention);
        int ffn = (int) Math.max(1, Math.round(mlp / (3.0 * hidden)));
        return new TransformerShape(ffn, true, 0, 0, 0, 0, 0, false, null);
    }
}
