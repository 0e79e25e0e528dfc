package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.ServerSpec;

/**
 * One published power figure as the power models express it: a serving replica at a stated batch, or a
 * training node.
 *
 * @param published the published value, in the quantity's unit (the row's value, or a companion figure of its
 *     notes)
 * @param tensorParallel TP degree of a serving replica
 * @param expertParallel EP degree with data-parallel attention, or 0 for a TP replica
 * @param inputTokens prompt tokens per request of a serving case
 * @param outputTokens generated tokens per request of a serving case
 * @param batch sequences in flight of a serving case
 * @param outputTokensPerSecond the replica's measured output tokens/s at that batch, NaN when not stated
 * @param server the server of a training node
 * @param note how the case reads the row
 */
public record PowerCase(
        String id,
        PowerQuantity quantity,
        double published,
        ModelSpec model,
        Accelerator accelerator,
        Precision precision,
        int tensorParallel,
        int expertParallel,
        double inputTokens,
        double outputTokens,
        long batch,
        double outputTokensPerSecond,
        ServerSpec server,
        String note) {
    /** Accelerators of the replica, or of the node. */
    public int accelerators() {
        if (quantity == PowerQuantity.NODE_POWER) {
            return server.acceleratorsPerServer();
        }
        return expertParallel > 0 ? expertParallel : tensorParallel;
    }

    /** The layout as the tables show it. */
    public String layout() {
        if (quantity == PowerQuantity.NODE_POWER) {
            return "training node";
        }
        return (expertParallel > 0 ? "EP" + expertParallel : "TP" + tensorParallel) + " at " + batch;
    }

    /** True for the serving cases, whose figures the two serving shares are fitted on. */
    boolean fitsServingShares() {
        return quantity != PowerQuantity.NODE_POWER;
    }
}
