package dev.gigawatt.plan;

/**
 * How fast a training job trains: from the step-time model, or from the MFU the scenario fixed.
 *
 * @param modelled true when the step-time model predicted it; false when the scenario's MFU bypassed it
 * @param mfu model FLOPs utilisation against the dense peak at the job's precision, 0..1
 * @param hfu hardware FLOPs utilisation (recomputation counted), 0..1; NaN when not modelled
 * @param stepSeconds one optimizer step, s; NaN when not modelled
 * @param tokensPerSecondPerAccelerator training tokens per second per accelerator
 * @param globalBatch sequences per step the layout uses; 0 when not modelled
 * @param layout the chosen (or fixed) parallel layout, or a note that the model was bypassed
 * @param computeShare share of the step in compute
 * @param communicationShare share of the step in communication not hidden behind compute
 * @param bubbleShare share of the step in pipeline fill and drain
 * @param memoryBytes HBM the layout needs on its fullest accelerator, B; NaN when not modelled
 * @param fits false when even the leanest layout does not fit in HBM
 */
public record TrainingThroughput(
        boolean modelled,
        double mfu,
        double hfu,
        double stepSeconds,
        double tokensPerSecondPerAccelerator,
        long globalBatch,
        String layout,
        double computeShare,
        double communicationShare,
        double bubbleShare,
        double memoryBytes,
        boolean fits) {}
