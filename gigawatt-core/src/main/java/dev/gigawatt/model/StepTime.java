package dev.gigawatt.model;

/**
 * The step-time model's answer for one layout.
 *
 * @param stepSeconds one optimizer step, s
 * @param computeSeconds GEMMs, attention and memory-bound kernels on the critical path, s
 * @param communicationSeconds communication not hidden behind compute, s
 * @param bubbleSeconds pipeline fill and drain, s
 * @param tokensPerSecondPerAccelerator training tokens per second per accelerator
 * @param modelFlopsPerToken model FLOPs per token (6·N plus causal attention)
 * @param mfu model FLOPs utilisation against the dense peak at the job's precision, 0..1
 * @param hfu hardware FLOPs utilisation (recomputation counted), 0..1
 * @param memoryBytes HBM the layout needs on its fullest accelerator, B
 * @param memoryLimitBytes HBM a training job may use per accelerator, B
 */
public record StepTime(
        TrainingLayout layout,
        double stepSeconds,
        double computeSeconds,
        double communicationSeconds,
        double bubbleSeconds,
        double tokensPerSecondPerAccelerator,
        double modelFlopsPerToken,
        double mfu,
        double hfu,
        double memoryBytes,
        double memoryLimitBytes) {

    /** True when the layout fits in HBM. */
    public boolean fits() {
        return memoryBytes <= memoryLimitBytes;
    }
}
