package dev.gigawatt.model;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.NetworkSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.TrainingEfficiency;

/**
 * Everything the step-time model needs about one training step except the layout.
 *
 * @param precision format of the GEMMs (FP8 and FP4 apply to the GEMMs only)
 * @param sequenceLength tokens per sequence
 * @param globalBatch sequences per optimizer step
 * @param constants the model's shared constants (overlap shares, byte counts) from the assumptions
 */
public record TrainingSetup(
        ModelSpec model,
        Accelerator accelerator,
        Precision precision,
        TrainingEfficiency efficiency,
        NetworkSpec network,
        int sequenceLength,
        long globalBatch,
        StepConstants constants) {

    /** A copy with another global batch, sequences. */
    public TrainingSetup withGlobalBatch(long sequences) {
        return new TrainingSetup(
                model, accelerator, precision, efficiency, network, sequenceLength, sequences, constants);
    }
}
