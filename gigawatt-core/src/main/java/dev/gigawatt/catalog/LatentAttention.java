package dev.gigawatt.catalog;

/**
 * Multi-head latent attention (MLA): keys and values are cached as one compressed latent vector per layer
 * and token plus a small decoupled rotary key shared by all heads, instead of per-head keys and values.
 *
 * <p>What the serving model needs from it: the cache holds {@code kvLatentDim + ropeHeadDim} values per layer
 * and token; prefill runs attention with per-head queries and keys of {@code qkHeadDim + ropeHeadDim} and
 * values of {@code vHeadDim} (the latent expanded); decode absorbs the key and value up-projections into the
 * query and output projections and attends over the latent itself, so each head's scores run over
 * {@code kvLatentDim + ropeHeadDim} dimensions and its weighted sum over {@code kvLatentDim}.
 *
 * @param kvLatentDim compressed key/value latent width ({@code kv_lora_rank})
 * @param ropeHeadDim decoupled rotary key width, shared by all heads ({@code qk_rope_head_dim})
 * @param qkHeadDim per-head query/key width without the rotary part ({@code qk_nope_head_dim})
 * @param vHeadDim per-head value width ({@code v_head_dim})
 * @see <a href="https://arxiv.org/abs/2405.04434">DeepSeek-AI, DeepSeek-V2, 2024, Section 2.1</a>
 */
public record LatentAttention(int kvLatentDim, int ropeHeadDim, int qkHeadDim, int vHeadDim) {

    /** Values cached per layer and token. */
    public int cachedValuesPerLayer() {
        return kvLatentDim + ropeHeadDim;
    }

    /**
     * FLOPs per layer, head and attended position when decoding with the up-projections absorbed: scores
     * over the latent and rotary key, then the weighted sum of latents (2 FLOPs per multiply-add).
     */
    public double decodeFlopsPerHeadAndPosition() {
        return 2.0 * (kvLatentDim + ropeHeadDim) + 2.0 * kvLatentDim;
    }

    /** FLOPs per layer, head and (query, key) pair in prefill: scores and weighted sum over expanded heads. */
    public double prefillFlopsPerHeadAndPair() {
        return 2.0 * (qkHeadDim + ropeHeadDim) + 2.0 * vHeadDim;
    }
}
