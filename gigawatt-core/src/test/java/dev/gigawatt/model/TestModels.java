package dev.gigawatt.model;

import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Provenance;
import dev.gigawatt.catalog.TransformerShape;
import java.util.List;
import java.util.Map;

/** Toy models for the step-time tests. */
final class TestModels {
    /** A Mixtral-like MoE: 32 layers of 8 experts, 2 per token. */
    static final ModelSpec MOE = new ModelSpec(
            "toy-moe",
            List.of(),
            "toy",
            "moe",
            46.7e9,
            12.9e9,
            32,
            4096,
            32,
            8,
            128,
            32000,
            32768,
            0,
            new Provenance("test", Map.of()),
            new TransformerShape(14336, true, 8, 2, 14336, 0, 32, false, null));

    private TestModels() {}

    /** A dense model with the MoE's active parameters and width. */
    static ModelSpec denseLike(ModelSpec moe) {
        return new ModelSpec(
                "toy-dense",
                List.of(),
                "toy",
                "dense",
                moe.activeParameters(),
                moe.activeParameters(),
                moe.layers(),
                moe.hiddenSize(),
                moe.heads(),
                moe.kvHeads(),
                moe.headDim(),
                moe.vocabulary(),
                moe.contextLength(),
                0,
                new Provenance("test", Map.of()));
    }
}
