package dev.gigawatt.calibration;

import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.model.StepTimeModel;

/**
 * How a publication counts training FLOPs per token, so a predicted token rate can be stated in the
 * publication's own TFLOP/s or MFU.
 */
public enum FlopConvention {
    /** gigawatt's: {@code 6·N + 6·L·s·d}. */
    CAUSAL("causal"),
    /** Megatron-LM's {@code num_floating_point_operations}: full attention, output head but no input embedding. */
    MEGATRON("megatron"),
    /** Megatron-Bridge / NeMo: as Megatron-LM with causal attention. */
    MEGATRON_CAUSAL("megatron-causal"),
    /** Narayanan et al. SC'21 eq. 3: Megatron-LM's count with the recomputed forward pass. */
    MEGATRON_HARDWARE("megatron-hardware");

    private final String key;

    FlopConvention(String key) {
        this.key = key;
    }

    /** The key used in the cases file. */
    public String key() {
        return key;
    }

    /** The convention for {@code key}, or null. */
    public static FlopConvention fromKey(String key) {
        for (FlopConvention c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** FLOPs per token of {@code model} at {@code sequenceLength} under this convention. */
    public double perToken(ModelSpec model, int sequenceLength) {
        double embedding = (double) model.vocabulary() * model.hiddenSize();
        double inner = model.activeParameters() - (model.shape().tiedEmbeddings() ? embedding : 2 * embedding);
        double attention = (double) model.layers() * sequenceLength * model.heads() * model.headDim();
        return switch (this) {
            case CAUSAL -> StepTimeModel.modelFlopsPerToken(model, sequenceLength);
            case MEGATRON -> 6 * (inner + embedding) + 12 * attention;
            case MEGATRON_CAUSAL -> 6 * (inner + embedding) + 6 * attention;
            case MEGATRON_HARDWARE -> 8 * inner + 16 * attention + 6 * embedding;
        };
    }
}
