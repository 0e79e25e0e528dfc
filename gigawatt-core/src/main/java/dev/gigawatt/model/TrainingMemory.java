package dev.gigawatt.model;

import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.TransformerShape;

/**
 * HBM a layout needs on its fullest accelerator: weights, gradients and optimizer states by sharding
 * (16-bit gradient buffers as Megatron-Core's default {@code grad_reduce_in_fp32=False}; FSDP keeps
 * sharded FP32 gradients),
 * plus the activations of the micro-batches in flight (Korthikanti et al.'s accounting with fused
 * attention, which keeps no score matrix).
 */
final class TrainingMemory {
    private static final double BF16 = 2;

    private TrainingMemory() {}

    /**
     * @param local parameters per accelerator before data-parallel sharding: dense, expert
     * @param micro micro-batches per step
     */
    static double bytes(TrainingSetup s, TrainingLayout l, double[] local, double micro) {
        ModelSpec m = s.model();
        TransformerShape shape = m.shape();
        double t = l.tensor();
        double p = l.pipeline();
        double group = (double) l.data() * l.context();
        double params = local[0] + local[1];
        double lowPrecisionCopy = s.precision().bytes() < BF16 ? s.precision().bytes() : 0;
        double states =
                switch (l.sharding()) {
                    case NONE -> params * (BF16 + lowPrecisionCopy + BF16 + 12);
                    case OPTIMIZER -> params * (BF16 + lowPrecisionCopy + BF16 + 12 / group);
                    case FULL -> params * (BF16 + 4 + 12) / group + 2 * params / (m.layers() / p) * BF16;
                };
        double tokens = (double) l.microBatch() * s.sequenceLength() / l.context();
        double d = m.hiddenSize();
        double q = (double) m.heads() * m.headDim();
        double kv = 2.0 * m.kvHeads() * m.headDim();
        double mlp;
        if (shape.isMoe()) {
            double share = (double) shape.moeLayers() / m.layers();
            double gate = shape.gatedMlp() ? 3 : 2;
            double expert = shape.expertsPerToken()
                            * (d + gate * shape.expertFfnHiddenSize())
                            * s.constants().expertImbalance()
                    + shape.sharedExperts() * gate * shape.expertFfnHiddenSize();
            double dense = (shape.gatedMlp() ? 3 : 2) * shape.ffnHiddenSize();
            mlp = share * expert + (1 - share) * dense;
        } else {
            mlp = (shape.gatedMlp() ? 3 : 2) * shape.ffnHiddenSize();
        }
        double fullLayer = tokens * BF16 * (5 * d + q + kv + q + mlp) / t;
        double gemmInputsOnly = tokens * BF16 * (2 * d + q + kv + q + mlp * 2 / 3) / t;
        double perLayer =
                switch (l.recompute()) {
                    case NONE -> fullLayer;
                    case SELECTIVE -> gemmInputsOnly;
                    case FULL -> l.recomputeShare() * tokens * BF16 * d / t + (1 - l.recomputeShare()) * gemmInputsOnly;
                };
        double stageLayers = m.layers() / p;
        double inFlight = Math.min(micro, p) * (l.virtualStages() > 1 ? 1 + (p - 1) / (p * l.virtualStages()) : 1);
        double first = stageLayers * inFlight * perLayer;
        double logits = tokens * m.vocabulary() / t * 4 * 2;
        double last = stageLayers * perLayer + logits;
        double recomputeBuffer = l.recompute() == Recompute.FULL ? fullLayer : 0;
        return states + Math.max(first, last) + recomputeBuffer;
    }
}
