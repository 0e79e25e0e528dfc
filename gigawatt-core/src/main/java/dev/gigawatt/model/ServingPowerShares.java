package dev.gigawatt.model;

import dev.gigawatt.catalog.Assumptions;

/**
 * How an accelerator's dynamic power (TDP − idle) follows its activity while serving: the share of it drawn
 * per unit of compute activity (FLOP/s executed over the precision's peak) and per unit of memory activity
 * (HBM bytes/s over peak bandwidth).
 *
 * @param compute share of the dynamic range per unit of compute activity
 * @param memory share of the dynamic range per unit of memory activity
 */
public record ServingPowerShares(double compute, double memory) {
    public ServingPowerShares {
        if (!(compute >= 0) || !(memory >= 0)) {
            throw new IllegalArgumentException("power shares must be >= 0: " + compute + ", " + memory);
        }
    }

    /** The shares in {@code assumptions.yaml} ({@code power.servingComputeShare}, {@code power.servingMemoryShare}). */
    public static ServingPowerShares of(Assumptions a) {
        return new ServingPowerShares(a.fraction("power.servingComputeShare"), a.fraction("power.servingMemoryShare"));
    }
}
