package dev.gigawatt.model;

import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.TransformerShape;

/**
 * An analytic model of one training step: every GEMM of a layer at an efficiency that depends on its
 * size, fused attention, memory-bound kernels from the bytes they move, recomputation, and the
 * communication of each parallel dimension over the network tier it crosses, less what overlaps.
 *
 * @see <a href="https://arxiv.org/abs/2104.04473">Narayanan et al., Efficient Large-Scale Language Model
 *     Training on GPU Clusters Using Megatron-LM (SC'21)</a>
 * @see <a href="https://arxiv.org/abs/2205.05198">Korthikanti et al., Reducing Activation Recomputation
 *     in Large Transformer Models (2022)</a>
 * @see <a href="https://dl.acm.org/doi/10.1145/3581784.3607102">Isaacs et al., Calculon (SC'23)</a>
 * @see <a href="https://arxiv.org/abs/2407.21783">Dubey et al., The Llama 3 Herd of Models (2024), Sec. 3.3</a>
 */
public final class StepTimeModel {
    private static final double ACTIVATION_BYTES = 2;
    private static final double ATTENTION_BACKWARD_RATIO = 2.5;

    private StepTimeModel() {}

    /** The step time of {@code layout} for {@code setup}. */
    public static StepTime step(TrainingSetup setup, TrainingLayout layout) {
        return new Step(setup, layout).evaluate();
    }

    /**
     * Model FLOPs per token: {@code 6·N} for the matrix multiplies plus {@code 6·L·s·d} for causal
     * attention (the convention of {@link TrainingModel#flops}).
     */
    public static double modelFlopsPerToken(ModelSpec model, int sequenceLength) {
        return TrainingModel.flops(model.activeParameters(), 1, model.layers(), model.hiddenSize(), sequenceLength);
    }

    /*
     * One instance per evaluation, so the per-layer terms read as named fields rather than long argument
     * lists. All times are for one accelerator; "mb" is one micro-batch.
     */
    private static final class Step {
        private final TrainingSetup s;
        private final TrainingLayout l;
        private final ModelSpec m;
        private final TransformerShape shape;
        private final Links links;
        private final double peak;
        private final double peak16;
        private final double gemmCeiling;
        private final double hbm;
        private final double gemmInputBytes;
        private final double t;
        private final double tokens;

        Step(TrainingSetup setup, TrainingLayout layout) {
            s = setup;
            l = layout;
            m = setup.model();
            shape = m.shape();
            links = new Links(setup.network(), setup.efficiency().communicationEfficiency());
            peak = setup.accelerator().peakFlops(setup.precision());
            double bf16 = setup.accelerator().peakFlops(Precision.BF16);
            peak16 = bf16 > 0 ? bf16 : setup.accelerator().peakFlops(Precision.FP16);
            gemmCeiling = setup.efficiency().gemm(setup.precision());
            hbm = setup.accelerator().memoryBandwidthBytesPerSecond()
                    * setup.efficiency().memoryEfficiency();
            gemmInputBytes = setup.precision().bytes();
            t = layout.tensor();
            tokens = (double) layout.microBatch() * setup.sequenceLength() / layout.context();
        }

        /**
         * One GEMM of {@code rows × k} by {@code k × n}: the slower of its FLOPs and its bytes. Each
         * dimension {@code x} scales the ceiling by {@code x / (x + h)}, h the family's half-efficiency
         * dimension (tile and wave quantisation hit small matrices hardest).
         */
        private double gemm(double rows, double n, double k) {
            double h = s.efficiency().gemmHalfDimension();
            double efficiency = gemmCeiling * rows / (rows + h) * n / (n + h) * k / (k + h);
            double flops = 2 * rows * n * k;
            double compute = flops / (peak * efficiency);
            double bytes = (rows * k + k * n) * gemmInputBytes + rows * n * ACTIVATION_BYTES;
            return Math.max(compute, bytes / hbm);
        }

        private double gatedFactor() {
            return shape.gatedMlp() ? 2 : 1;
        }

        private double attentionGemms() {
            double d = m.hiddenSize();
            double q = (double) m.heads() * m.headDim();
            double kv = 2.0 * m.kvHeads() * m.headDim();
            return gemm(tokens, (q + kv) / t, d) + gemm(tokens, d, q / t);
        }

        private double denseMlpGemms(double width) {
            double d = m.hiddenSize();
            return gemm(tokens, gatedFactor() * width / t, d) + gemm(tokens, d, width / t);
        }

        private double expertGemms() {
            double d = m.hiddenSize();
            double local = (double) shape.experts() / l.expert();
            double rows =
                    tokens / t * shape.expertsPerToken() / local * s.constants().expertImbalance();
            double fe = shape.expertFfnHiddenSize();
            double routed = local * (gemm(rows, gatedFactor() * fe, d) + gemm(rows, d, fe));
            double shared = shape.sharedExperts() > 0 ? denseMlpGemms((double) shape.sharedExperts() * fe) : 0;
            return routed + shared + gemm(tokens / t, shape.experts(), d);
        }

        /** Forward time of the fused attention core, s. */
        private double attentionCore() {
            double flops = 2.0 * tokens * s.sequenceLength() * m.headDim() * m.heads() / t;
            return flops / (peak16 * s.efficiency().attentionEfficiency());
        }

        /** Forward time of norms, residuals, rotary, activation functions and low-precision casts, s. */
        private double memoryBound(boolean moe) {
            double d = m.hiddenSize();
            double qk = (double) (m.heads() + m.kvHeads()) * m.headDim();
            double act = shape.gatedMlp() ? 3 : 2;
            double mlpElements;
            double mlpInputs;
            if (moe) {
                double k = shape.expertsPerToken();
                double fe = shape.expertFfnHiddenSize();
                mlpElements = (k * (act * fe + 4 * d) + act * shape.sharedExperts() * fe) / t;
                mlpInputs = (k * (d + fe) + shape.sharedExperts() * (d + fe)) / t;
            } else {
                mlpElements = act * shape.ffnHiddenSize() / t;
                mlpInputs = d + shape.ffnHiddenSize() / t;
            }
            double elements = 10 * d / t + 2 * qk / t + mlpElements;
            double bytes = ACTIVATION_BYTES * elements;
            if (gemmInputBytes < ACTIVATION_BYTES) {
                double inputs = d + (double) m.heads() * m.headDim() / t + mlpInputs;
                bytes += (ACTIVATION_BYTES + gemmInputBytes) * inputs;
            }
            return tokens * bytes / hbm;
        }

        /** Forward, backward and recompute of one layer and micro-batch, and its exposed communication, s. */
        private double[] layer(boolean moe) {
            double gemms = attentionGemms() + (moe ? expertGemms() : denseMlpGemms(shape.ffnHiddenSize()));
            double attention = attentionCore();
            double memory = memoryBound(moe);
            double forward = gemms + attention + memory;
            double backward = 2 * gemms + ATTENTION_BACKWARD_RATIO * attention + 2 * memory;
            double share = l.recomputeShare();
            double recompute =
                    switch (l.recompute()) {
                        case NONE -> 0;
                        case SELECTIVE -> attention + memory;
                        case FULL -> share * forward + (1 - share) * (attention + memory);
                    };
            double passes = 2 + share;
            double d = m.hiddenSize();
            double tensorComm = 4 * passes * links.gather(tokens * d * ACTIVATION_BYTES, t, 1);
            double exposed = (1 - s.constants().tensorOverlap()) * tensorComm;
            if (l.context() > 1) {
                double kv = tokens * 2.0 * m.kvHeads() * m.headDim() / t * ACTIVATION_BYTES;
                double c = l.context();
                double ring = (c - 1) * (links.latency(t * c) + kv / links.bandwidth(t * c));
                exposed += Math.max(0, ring - attention) + Math.max(0, 2 * ring - ATTENTION_BACKWARD_RATIO * attention);
            }
            if (moe && l.expert() > 1) {
                double bytes = tokens / t * shape.expertsPerToken() * d * ACTIVATION_BYTES;
                exposed += (1 - s.constants().expertOverlap()) * 2 * passes * links.allToAll(bytes, l.expert());
            }
            return new double[] {forward + backward + recompute, exposed};
        }

        private double logits() {
            double d = m.hiddenSize();
            double vocab = m.vocabulary();
            double loss = tokens * vocab / t * 4 * 4 / hbm;
            return 3 * gemm(tokens, vocab / t, d) + loss;
        }

        /** Parameters held per accelerator before data-parallel sharding: dense ones and expert ones. */
        private double[] localParameters() {
            double d = m.hiddenSize();
            double expertParams = shape.isMoe()
                    ? (double) shape.moeLayers()
                            * shape.experts()
                            * (gatedFactor() + 1)
                            * d
                            * shape.expertFfnHiddenSize()
                    : 0;
            double dense = Math.max(0, m.parameters() - expertParams);
            return new double[] {dense / (t * l.pipeline()), expertParams / ((double) l.expert() * l.pipeline())};
        }

        StepTime evaluate() {
            int layers = m.layers();
            double p = l.pipeline();
            double v = l.virtualStages();
            double micro = (double) s.globalBatch() / ((double) l.data() * l.microBatch());
            double moeShare = shape.isMoe() ? (double) shape.moeLayers() / layers : 0;
            double[] dense = layer(false);
            double[] moe = moeShare > 0 ? layer(true) : dense;
            double layerCompute = moeShare * moe[0] + (1 - moeShare) * dense[0];
            double layerExposed = moeShare * moe[1] + (1 - moeShare) * dense[1];
            double stageLayers = layers / p;
            double d = m.hiddenSize();
            double p2p = 0;
            if (p > 1) {
                double stride = t * l.context() * l.data();
                p2p = 2 * v * links.send(tokens * d * ACTIVATION_BYTES / t, stride);
            }
            double microCompute = stageLayers * layerCompute + logits() / p;
            double microExposed = stageLayers * layerExposed + p2p;
            double perMicro = microCompute + microExposed;
            double bubble = p > 1 ? (p - 1) / v * perMicro : 0;

            double[] local = localParameters();
            double dataGroup = (double) l.data() * l.context();
            double dataStride = t;
            double expertGroup = Math.max(1, dataGroup * t / l.expert());
            double gradBytes = ACTIVATION_BYTES;
            double reduce = links.gather(local[0] * gradBytes, dataGroup, dataStride)
                    + links.gather(local[1] * gradBytes, expertGroup, l.expert());
            double window = perMicro / 3;
            double dataExposed;
            if (l.sharding() == Sharding.FULL) {
                dataExposed = micro * Math.max(0, 3 * reduce - perMicro);
            } else {
                double factor = l.sharding() == Sharding.NONE ? 2 : 1;
                dataExposed = Math.max(0, factor * reduce - 2 * window) + Math.max(0, reduce - window);
            }
            double shards = l.sharding() == Sharding.NONE ? 1 : dataGroup;
            double optimizer = (local[0] + local[1]) / shards * s.constants().optimizerBytesPerParameter() / hbm;

            double step = micro * perMicro + bubble + dataExposed + optimizer;
            double computeOnly = micro * microCompute + optimizer;
            double exposedComm = micro * microExposed + dataExposed;
            long accelerators = l.accelerators();
            double tokensPerSecond = (double) s.globalBatch() * s.sequenceLength() / step / accelerators;
            double flopsPerToken = modelFlopsPerToken(m, s.sequenceLength());
            double hardwareFlopsPerToken = flopsPerToken
                    + switch (l.recompute()) {
                        case NONE -> 0;
                        case SELECTIVE -> 2.0 * layers * s.sequenceLength() * d;
                        case FULL ->
                            l.recomputeShare() * flopsPerToken / 3
                                    + (1 - l.recomputeShare()) * 2.0 * layers * s.sequenceLength() * d;
                    };
            double mfu = flopsPerToken * tokensPerSecond / peak;
            double hfu = hardwareFlopsPerToken * tokensPerSecond / peak;
            return new StepTime(
                    l,
                    step,
                    computeOnly,
                    exposedComm,
                    bubble,
                    tokensPerSecond,
                    flopsPerToken,
                    mfu,
                    hfu,
                    TrainingMemory.bytes(s, l, local, micro),
                    s.accelerator().memoryBytes() * s.constants().usableMemoryFraction());
        }
    }
}
