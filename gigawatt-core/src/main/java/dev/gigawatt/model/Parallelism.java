package dev.gigawatt.model;

/**
 * How one serving unit is split across accelerators: a {@code TP × PP} replica; expert parallelism over
 * {@code expert} accelerators with attention data-parallel across them (a mixture-of-experts model); or
 * prefill and decode disaggregated onto separate instances, {@code prefillInstances} of {@code
 * prefillTensor}-way TP prefilling the prompts whose KV caches they hand to {@code decodeInstances} of
 * {@code tensor × pipeline} decoding them (as DistServe, Splitwise, Mooncake and NVIDIA Dynamo deploy).
 *
 * @param tensor tensor-parallel degree (TP) of a replica, or of each decode instance; 1 with expert
 *     parallelism
 * @param pipeline pipeline-parallel degree (PP) of a replica, or of each decode instance; 1 with expert
 *     parallelism
 * @param expert expert-parallel degree (EP), or 0
 * @param prefillTensor TP degree of each prefill instance of a disaggregated unit, or 0
 * @param prefillInstances prefill instances of a disaggregated unit, or 0 when prefill and decode share
 *     the replica
 * @param decodeInstances decode instances of a disaggregated unit, or 0
 */
public record Parallelism(
        int tensor, int pipeline, int expert, int prefillTensor, int prefillInstances, int decodeInstances) {
    /** A {@code TP × PP} replica. */
    public Parallelism(int tensor, int pipeline) {
        this(tensor, pipeline, 0, 0, 0, 0);
    }

    /** A {@code TP × PP} replica, or an expert-parallel one when {@code expert > 0}. */
    public Parallelism(int tensor, int pipeline, int expert) {
        this(tensor, pipeline, expert, 0, 0, 0);
    }

    /**
     * A disaggregated unit: {@code prefillInstances} prefill instances of {@code prefillTensor}-way TP and
     * {@code decodeInstances} decode instances of {@code decodeTensor × decodePipeline}.
     */
    public static Parallelism disaggregated(
            int prefillTensor, int prefillInstances, int decodeTensor, int decodePipeline, int decodeInstances) {
        return new Parallelism(decodeTensor, decodePipeline, 0, prefillTensor, prefillInstances, decodeInstances);
    }

    /** True when prefill and decode run on separate instances. */
    public boolean disaggregated() {
        return prefillInstances > 0;
    }

    /** Accelerators per unit (a replica, or a disaggregated unit's prefill and decode instances together). */
    public int accelerators() {
        if (disaggregated()) {
            return prefillInstances * prefillTensor + decodeInstances * tensor * pipeline;
        }
        return expert > 0 ? expert : tensor * pipeline;
    }

    @Override
    public String toString() {
        if (disaggregated()) {
            return prefillInstances + "xTP" + prefillTensor + " prefill + " + decodeInstances + "x" + colocated()
                    + " decode";
        }
        return expert > 0 ? "EP" + expert : colocated();
    }

    private String colocated() {
        return "TP" + tensor + (pipeline > 1 ? "xPP" + pipeline : "");
    }
}
