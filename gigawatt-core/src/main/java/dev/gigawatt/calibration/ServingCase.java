package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;

/**
 * One published serving figure as the replica model expresses it.
 *
 * @param published the published value, in the quantity's unit
 * @param tensorParallel TP degree of the replica
 * @param pipelineParallel PP degree of the replica
 * @param expertParallel EP degree with data-parallel attention across it, or 0 for a TP×PP replica
 * @param inputTokens prompt tokens per request
 * @param outputTokens generated tokens per request
 * @param concurrency sequences in flight, or 0 for the largest batch that fits
 * @param perAccelerators accelerators a per-accelerator figure is stated for (8 for a per-node figure), else 1
 */
public record ServingCase(
        String id,
        ServingQuantity quantity,
        double published,
        ModelSpec model,
        Accelerator accelerator,
        Precision precision,
        int tensorParallel,
        int pipelineParallel,
        int expertParallel,
        double inputTokens,
        double outputTokens,
        long concurrency,
        int perAccelerators,
        String note) {
    /** Accelerators of the replica. */
    public int accelerators() {
        return expertParallel > 0 ? expertParallel : tensorParallel * pipelineParallel;
    }

    /** The layout as the tables show it. */
    public String layout() {
        String per = quantity == ServingQuantity.DECODE_OUTPUT_PER_ACCELERATOR
                ? (perAccelerators > 1 ? " per " + perAccelerators + " GPUs" : " per GPU")
                : "";
        if (expertParallel > 0) {
            return "EP" + expertParallel + " DP-attn" + (concurrency > 0 ? " at " + concurrency : "") + per;
        }
        return "TP" + tensorParallel + (pipelineParallel > 1 ? "xPP" + pipelineParallel : "")
                + (concurrency > 0 ? " at " + concurrency : "") + per;
    }
}
