package dev.gigawatt.model;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;

/**
 * What one serving replica (or disaggregated unit) is: the accelerator, the model and its precision, the
 * layout, the requests it serves and the efficiencies it reaches. Every question {@link InferenceModel}
 * answers (the operating point, the power, why a layout falls short) starts from one.
 *
 * @param inputTokens prompt tokens per request
 * @param outputTokens generated tokens per request
 * @param cachedInputShare share of each prompt found in the prefix cache, whose prefill is skipped, 0..1
 */
public record ServingSetup(
        Accelerator accelerator,
        ModelSpec model,
        Precision precision,
        Parallelism layout,
        double inputTokens,
        double outputTokens,
        double cachedInputShare,
        ServingEfficiency efficiency) {

    /**
     * A {@code TP × PP} replica, or an expert-parallel one ({@code expertParallel} accelerators with attention
     * data-parallel) when {@code expertParallel > 0}, without a prefix cache.
     */
    public static ServingSetup of(
            Accelerator accelerator,
            ModelSpec model,
            Precision precision,
            int tensorParallel,
            int pipelineParallel,
            int expertParallel,
            double inputTokens,
            double outputTokens,
            ServingEfficiency efficiency) {
        return new ServingSetup(
                accelerator,
                model,
                precision,
                new Parallelism(tensorParallel, pipelineParallel, expertParallel),
                inputTokens,
                outputTokens,
                0,
                efficiency);
    }
}
