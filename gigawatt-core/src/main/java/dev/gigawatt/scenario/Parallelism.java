package dev.gigawatt.scenario;

/**
 * How one model replica is split across accelerators.
 *
 * @param tensor tensor-parallel degree (TP)
 * @param pipeline pipeline-parallel degree (PP)
 */
public record Parallelism(int tensor, int pipeline) {
    /** Accelerators per replica. */
    public int accelerators() {
        return tensor * pipeline;
    }

    @Override
    public String toString() {
        return "TP" + tensor + (pipeline > 1 ? "xPP" + pipeline : "");
    }
}
