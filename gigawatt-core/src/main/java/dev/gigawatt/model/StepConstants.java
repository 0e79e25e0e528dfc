package dev.gigawatt.model;

import dev.gigawatt.catalog.Assumptions;

/**
 * Constants of the step-time model that are the same for every accelerator, read once from the
 * assumptions catalog (each with its source there).
 *
 * @param tensorOverlap share of tensor-parallel communication hidden behind GEMMs
 * @param expertOverlap share of expert-parallel all-to-all hidden behind compute
 * @param expertImbalance busiest expert's tokens over the mean (1 when routing is force-balanced)
 * @param usableMemoryFraction share of HBM a training job can fill
 * @param optimizerBytesPerParameter HBM bytes moved per parameter by one Adam step, B
 */
public record StepConstants(
        double tensorOverlap,
        double expertOverlap,
        double expertImbalance,
        double usableMemoryFraction,
        double optimizerBytesPerParameter) {

    /** The constants from {@code assumptions}. */
    public static StepConstants from(Assumptions assumptions) {
        return new StepConstants(
                assumptions.fraction("training.tensorParallelOverlap"),
                assumptions.fraction("training.expertParallelOverlap"),
                assumptions.number("training.expertImbalance"),
                assumptions.fraction("training.usableMemoryFraction"),
                assumptions.number("training.optimizerBytesPerParameter"));
    }

    /** A copy with another expert imbalance (force-balanced benchmarks use 1). */
    public StepConstants withExpertImbalance(double imbalance) {
        return new StepConstants(
                tensorOverlap, expertOverlap, imbalance, usableMemoryFraction, optimizerBytesPerParameter);
    }
}
