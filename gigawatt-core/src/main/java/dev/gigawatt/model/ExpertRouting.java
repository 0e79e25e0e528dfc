package dev.gigawatt.model;

import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.TransformerShape;

/**
 * Which routed experts a step's tokens reach in a mixture-of-experts model, and so how many expert
 * weights a decode step reads and how many tokens each expert's GEMM carries.
 *
 * <p>With {@code E} routed experts per layer and top-{@code k} routing spread evenly, a token misses a given
 * expert with probability {@code 1 − k/E}, so {@code T} tokens reach {@code E·(1 − (1 − k/E)^T)} distinct
 * experts per layer; each of those carries {@code T·k / distinct} tokens. Everything outside the routed
 * experts (attention, dense layers, shared experts, embeddings) is read once per step and carries all
 * {@code T} tokens. A model without an expert shape (dense, or an MoE entry that states only its total and
 * active parameters) is treated as if all its weights were shared.
 *
 * @param routedParameters parameters of all routed experts over all MoE layers
 * @param routedActiveParameters routed-expert parameters one token uses (its top-k experts in every MoE
 *     layer)
 * @param experts routed experts per MoE layer
 * @param expertsPerToken routed experts each token visits
 * @see <a href="https://arxiv.org/abs/2101.03961">Fedus et al., Switch Transformers, JMLR 2022, Section 2.2</a>
 */
public record ExpertRouting(double routedParameters, double routedActiveParameters, int experts, int expertsPerToken) {

    /** The routing of {@code model}: none for a dense model or one without an expert shape. */
    public static ExpertRouting of(ModelSpec model) {
        TransformerShape s = model.shape();
        if (s == null || !s.isMoe() || s.expertsPerToken() < 1) {
            return new ExpertRouting(0, 0, 0, 0);
        }
        double perExpert = (s.gatedMlp() ? 3.0 : 2.0) * model.hiddenSize() * s.expertFfnHiddenSize();
        return new ExpertRouting(
                perExpert * s.experts() * s.moeLayers(),
                perExpert * s.expertsPerToken() * s.moeLayers(),
                s.experts(),
                s.expertsPerToken());
    }

    /** True when some weights are routed experts. */
    public boolean routed() {
        return experts > 0;
    }

    /** Share of the routed experts that {@code tokens} tokens reach, 0..1. */
    public double reachedShare(double tokens) {
        if (!routed() || tokens <= 0) {
            return 0;
        }
        return 1 - Math.pow(1 - (double) expertsPerToken / experts, tokens);
    }

    /** Tokens each reached expert's GEMM carries when {@code tokens} tokens are routed. */
    public double tokensPerExpert(double tokens) {
        double reached = reachedShare(tokens) * experts;
        return reached <= 0 ? tokens : tokens * expertsPerToken / reached;
    }
}
