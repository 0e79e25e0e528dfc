package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Precision;
import dev.gigawatt.model.LayoutConstraints;

/**
 * One stage of a training job (pre-training at 8K, then long context at 128K); unset figures are
 * the job's.
 *
 * @param tokens training tokens in this phase
 * @param sequenceLength tokens per sequence
 * @param gpus accelerators the phase runs on, at most the job's
 * @param globalBatch sequences per step, or 0 for the default
 * @param layout the parts of the layout the phase fixes
 */
public record TrainingPhase(
        String name,
        double tokens,
        int sequenceLength,
        long gpus,
        Precision precision,
        long globalBatch,
        LayoutConstraints layout) {}
