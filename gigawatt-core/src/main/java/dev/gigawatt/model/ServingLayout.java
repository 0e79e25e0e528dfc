package dev.gigawatt.model;

import dev.gigawatt.catalog.ModelSpec;

/**
 * Which tensor × pipeline layouts a model can be served with: tensor parallelism splits the attention
 * heads, so it must divide them; it splits the KV heads too, or replicates each KV head on
 * {@code TP / kvHeads} accelerators once TP exceeds them; pipeline stages hold whole layers.
 *
 * @see <a href="https://arxiv.org/abs/1909.08053">Shoeybi et al., Megatron-LM, 2019, Section 3</a>
 * @see <a href="https://arxiv.org/abs/2305.13245">Ainslie et al., GQA, EMNLP 2023</a>
 */
public final class ServingLayout {
    private ServingLayout() {}

    /** Why {@code model} cannot run with {@code tensor}-way TP and {@code pipeline} stages, or null when it can. */
    public static String invalidReason(ModelSpec model, int tensor, int pipeline) {
        if (tensor < 1 || pipeline < 1) {
            return "TP and PP must be at least 1";
        }
        if (model.heads() % tensor != 0) {
            return "TP" + tensor + " does not divide the " + model.heads() + " attention heads";
        }
        int kv = model.kvHeads();
        if (tensor > kv ? tensor % kv != 0 : kv % tensor != 0) {
            return "TP" + tensor + " neither divides the " + kv + " KV heads nor is a multiple of them";
        }
        if (model.layers() % pipeline != 0) {
            return "PP" + pipeline + " does not divide the " + model.layers() + " layers";
        }
        return null;
    }

    /**
     * Why {@code model} cannot run with its experts spread over {@code expert} accelerators (attention
     * data-parallel across them), or null when it can: it needs routed experts. A degree that does not divide
     * them gives every accelerator {@code ⌈E/EP⌉} expert slots, the spare ones holding redundant copies of
     * the busiest experts, as DeepSeek's expert-parallel load balancer does (EP72 over 256 experts: 288 slots).
     */
    public static String invalidExpertParallelReason(ModelSpec model, int expert) {
        if (expert < 1) {
            return "EP must be at least 1";
        }
        ExpertRouting routing = ExpertRouting.of(model);
        if (!routing.routed()) {
            return model.name() + " has no routed experts to spread";
        }
        return null;
    }

    /**
     * Why {@code model} cannot run with {@code layout} (a {@code TP × PP} replica, an expert-parallel one, or a
     * disaggregated unit whose prefill and decode instances must each be valid), or null when it can.
     */
    public static String invalidReason(ModelSpec model, Parallelism layout) {
        if (layout.disaggregated()) {
            if (layout.expert() > 0) {
                return "disaggregated prefill and decode run TP x PP instances, not expert parallelism";
            }
            if (layout.decodeInstances() < 1) {
                return "a disaggregated unit needs at least one decode instance";
            }
            String prefill = invalidReason(model, layout.prefillTensor(), 1);
            if (prefill != null) {
                return "prefill: " + prefill;
            }
            String decode = invalidReason(model, layout.tensor(), layout.pipeline());
            return decode == null ? null : "decode: " + decode;
        }
        return layout.expert() > 0
                ? invalidExpertParallelReason(model, layout.expert())
                : invalidReason(model, layout.tensor(), layout.pipeline());
    }

    /** True when the layout is valid for the model. */
    public static boolean valid(ModelSpec model, int tensor, int pipeline) {
        return invalidReason(model, tensor, pipeline) == null;
    }

    /** KV heads stored across the TP group: each rank holds at least one, so heads replicate past {@code kvHeads}. */
    public static int storedKvHeads(ModelSpec model, int tensor) {
        return Math.max(model.kvHeads(), tensor);
    }
}
