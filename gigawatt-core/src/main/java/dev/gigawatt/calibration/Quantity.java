package dev.gigawatt.calibration;

import dev.gigawatt.model.StepTime;

/** The quantity a published training figure states, and how to read it off a predicted step. */
public enum Quantity {
    /** Training tokens per second per accelerator. */
    TOKENS("tokens", "tokens/s/GPU"),
    /** Seconds per optimizer step. */
    STEP("step", "s/step"),
    /** Model TFLOP/s per accelerator under the publication's FLOP convention. */
    MODEL_TFLOPS("modelTflops", "TFLOP/s/GPU"),
    /** Hardware TFLOP/s per accelerator (recomputation counted) under the publication's convention. */
    HARDWARE_TFLOPS("hardwareTflops", "TFLOP/s/GPU"),
    /** MFU in percent of the 16-bit dense peak under the publication's convention. */
    MFU("mfu", "%");

    private final String key;
    private final String unit;

    Quantity(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    /** Unit the value is stated in. */
    public String unit() {
        return unit;
    }

    /** The quantity for {@code key}, or null. */
    public static Quantity fromKey(String key) {
        for (Quantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        return null;
    }

    /**
     * The predicted value of this quantity.
     *
     * @param flopsPerToken FLOPs per token under the publication's convention
     * @param referencePeakFlops the dense peak the publication divides by for MFU, FLOP/s
     */
    public double predicted(StepTime step, double flopsPerToken, double referencePeakFlops) {
        double tokens = step.tokensPerSecondPerAccelerator();
        return switch (this) {
            case TOKENS -> tokens;
            case STEP -> step.stepSeconds();
            case MODEL_TFLOPS, HARDWARE_TFLOPS -> tokens * flopsPerToken / 1e12;
            case MFU -> 100 * tokens * flopsPerToken / referencePeakFlops;
        };
    }
}
