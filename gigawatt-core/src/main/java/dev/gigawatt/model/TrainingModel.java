package dev.gigawatt.model;

/**
 * Compute and time of a training run.
 *
 * @see <a href="https://arxiv.org/abs/2001.08361">Kaplan et al., Scaling Laws for Neural Language Models (2020), Sec. 2.1</a>
 * @see <a href="https://arxiv.org/abs/2204.02311">Chowdhery et al., PaLM (2022), Appendix B: MFU</a>
 */
public final class TrainingModel {
    private TrainingModel() {}

    /**
     * Training FLOPs: {@code 6·N·D} for the dense matrix multiplies (forward + backward), plus the
     * attention score and value products, {@code 6·L·s·d} per token with a causal mask (forward
     * {@code 2·L·s·d}: half of the {@code 4·L·s·d} of full attention).
     *
     * @param activeParameters parameters used per token (active experts only for MoE)
     * @param tokens training tokens
     * @param layers transformer layers
     * @param hiddenSize model width (heads × head dimension)
     * @param sequenceLength tokens per training sequence
     */
    public static double flops(double activeParameters, double tokens, int layers, int hiddenSize, int sequenceLength) {
        double dense = 6.0 * activeParameters * tokens;
        double attention = 6.0 * layers * (double) sequenceLength * hiddenSize * tokens;
        return dense + attention;
    }

    /** Only the {@code 6·N·D} term, the convention most papers quote. */
    public static double denseFlops(double activeParameters, double tokens) {
        return 6.0 * activeParameters * tokens;
    }

    /**
     * Time the job computes if nothing fails, s.
     *
     * @param flops total training FLOPs
     * @param accelerators accelerators in the job
     * @param peakFlopsPerAccelerator dense peak at the training precision, FLOP/s
     * @param mfu model FLOPs utilisation, 0..1
     */
    public static double computeSeconds(double flops, long accelerators, double peakFlopsPerAccelerator, double mfu) {
        return flops / (accelerators * peakFlopsPerAccelerator * mfu);
    }
}
