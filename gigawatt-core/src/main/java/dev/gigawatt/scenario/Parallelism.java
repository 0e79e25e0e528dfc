package dev.gigawatt.scenario;

/**
 * How one model replica is split across accelerators: {@code TP × PP}, or expert parallelism over
 * {@code expert} accelerators with attention data-parallel across them (a mixture-of-experts model).
 *
 * @param tensor tensor-parallel degree (TP); 1 with expert parallelism
 * @param pipeline pipeline-parallel degree (PP); 1 with expert parallelism
 * @param expert expert-parallel degree (EP), or 0 for a {@code TP × PP} replica
 */
public record Parallelism(int tensor, int pipeline, int expert) {
    /** A {@code TP × PP} replica. */
    public Parallelism(int tensor, int pipeline) {
        this(tensor, pipeline, 0);
    }

    /** Accelerators per replica. */
    public int accelerators() {
        return expert > 0 ? expert : tensor * pipeline;
    }

    @Override
    public String toString() {
        return expert > 0 ? "EP" + expert : "TP" + tensor + (pipeline > 1 ? "xPP" + pipeline : "");
    }
}
