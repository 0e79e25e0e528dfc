package dev.gigawatt.plan;

/**
 * The planner's answer for one phase of a training job.
 *
 * @param tokens training tokens in the phase
 * @param sequenceLength tokens per sequence
 * @param gpus accelerators the phase runs on
 * @param precision training precision key
 * @param flops training FLOPs of the phase
 * @param computeSeconds time the phase computes if nothing fails, s
 */
public record PhasePlan(
        String name,
        double tokens,
        int sequenceLength,
        long gpus,
        String precision,
        double flops,
        TrainingThroughput throughput,
        double computeSeconds) {}
