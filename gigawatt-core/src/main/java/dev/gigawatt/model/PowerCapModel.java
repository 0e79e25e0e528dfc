package dev.gigawatt.model;

/**
 * Throughput of an accelerator under a power cap: {@code (cap / TDP)^α} for caps between a floor
 * and TDP. Measurements of power-capped GPUs show throughput falling far less than power, because
 * clocks and voltage fall together (dynamic power ∝ f·V²) and memory-bound phases lose little.
 *
 * @see <a href="https://arxiv.org/abs/2308.12908">Patel et al., POLCA: Power Oversubscription in LLM Cloud Providers (2023)</a>
 * @see <a href="https://www.usenix.org/conference/nsdi23/presentation/you">You, Chung, Chowdhury, Zeus: Understanding and Optimizing GPU Energy Consumption of DNN Training, NSDI 2023</a>
 */
public final class PowerCapModel {
    private PowerCapModel() {}

    /**
     * Relative throughput at a power cap.
     *
     * @param capFraction cap as a share of TDP, clamped to [floor, 1]
     * @param exponent α of the power/performance curve
     */
    public static double throughput(double capFraction, double exponent) {
        return Math.pow(Math.max(0, Math.min(1, capFraction)), exponent);
    }
}
