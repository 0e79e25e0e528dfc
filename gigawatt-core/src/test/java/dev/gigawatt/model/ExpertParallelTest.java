package dev.gigawatt.model;

import static dev.gigawatt.model.InferenceModelTest.PERFECT;
import static dev.gigawatt.model.InferenceModelTest.TOY;
import static dev.gigawatt.model.InferenceModelTest.TOY_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.Provenance;
import dev.gigawatt.catalog.TransformerShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expert routing and the expert-parallel replica, against hand-computed figures. */
class ExpertParallelTest {
    /**
     * A round-number MoE: 1e9 parameters, 10 layers of hidden 1,000 (10 heads × 100, one KV head), every
     * layer's MLP 8 gated experts of width 1,000 with 2 per token. One expert is 3 × 1,000 × 1,000 = 3e6
     * parameters, so the routed experts hold 2.4e8, a token uses 6e7 of them, 7.6e8 are shared, 8.2e8 active.
     */
    static final ModelSpec TOY_MOE = new ModelSpec(
            "toy-moe",
            List.of(),
            "test",
            "moe",
            1e9,
            8.2e8,
            10,
            1000,
            10,
            1,
            100,
            32_000,
            8192,
            0,
            new Provenance("test", Map.of()),
            new TransformerShape(4000, true, 8, 2, 1000, 0, 10, false, null));

    @Test
    void routing_toyMoe_countsRoutedParameters() {
        ExpertRouting r = ExpertRouting.of(TOY_MOE);
        assertThat(r.routedParameters()).isCloseTo(2.4e8, within(1.0));
        assertThat(r.routedActiveParameters()).isCloseTo(6e7, within(1.0));
    }

    @Test
    void routing_fewTokens_reachFewExpertsAndShareThem() {
        // One token reaches 2 of 8 experts; two reach 1 − 0.75² = 43.75% of them, 3.5 experts carrying
        // 4 routed tokens between them.
        ExpertRouting r = ExpertRouting.of(TOY_MOE);
        assertThat(r.reachedShare(1)).isCloseTo(0.25, within(1e-12));
        assertThat(r.reachedShare(2)).isCloseTo(0.4375, within(1e-12));
        assertThat(r.tokensPerExpert(2)).isCloseTo(4 / 3.5, within(1e-12));
        assertThat(r.reachedShare(10_000)).isCloseTo(1, within(1e-12));
    }

    @Test
    void routing_denseModel_routesNothing() {
        assertThat(ExpertRouting.of(TOY_MODEL).routed()).isFalse();
    }

    @Test
    void tensorParallelReplica_batchOfOne_readsOnlyTheReachedExperts() {
        // Shared 7.6e8 + a quarter of 2.4e8 routed = 8.2e8 parameters × 2 B at 1e12 B/s = 1.64 ms, then
        // the KV read 4,000 B × 1,500 / 1e12 = 6 us.
        ReplicaPerformance p =
                InferenceModel.atBatch(ServingSetup.of(TOY, TOY_MOE, Precision.BF16, 1, 1, 0, 1000, 1000, PERFECT), 1);
        assertThat(p.decodeStepSeconds()).isCloseTo(1.64e-3 + 6e-6, within(1e-12));
    }

    @Test
    void expertParallel_twoRanks_holdHalfTheExpertsAndAllToAllEveryMoeLayer() {
        // Each rank holds 7.6e8 shared + 1.2e8 expert parameters = 1.76e9 B, leaving 9.824e10 B for
        // sequences of 2,000 × 4,000 B: 12,280 per rank, 24,560 in all.
        // One sequence per rank: weights read 7.6e8 + 1.2e8 × 0.4375 (two tokens reach 43.75% of the
        // experts) = 8.125e8 × 2 B / 1e12 = 1.625 ms; KV 6 us; each token goes to 2 × (1 − 0.5²) = 1.5 ranks,
        // 1.5 × 1,000 × 2 B = 3,000 B, half of it off-rank: 10 us + 1,500 / 1e11 per all-to-all, two per
        // layer over 10 layers = 200.3 us.
        ReplicaPerformance p =
                InferenceModel.atBatch(ServingSetup.of(TOY, TOY_MOE, Precision.BF16, 1, 1, 2, 1000, 1000, PERFECT), 2);
        assertThat(p.maxBatchByMemory()).isEqualTo(24_560);
        assertThat(p.batch()).isEqualTo(2);
        assertThat(p.decodeStepSeconds()).isCloseTo(1.625e-3 + 6e-6 + 2.003e-4, within(1e-12));
    }

    @Test
    void expertParallel_denseModel_isInfeasible() {
        assertThat(InferenceModel.offline(ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 1, 1, 2, 1000, 1000, PERFECT))
                        .feasible())
                .isFalse();
        assertThat(ServingLayout.invalidExpertParallelReason(TOY_MODEL, 2)).contains("has no routed experts");
    }

    @Test
    void expertParallel_degreeNotDividingExperts_holdsRedundantSlots() {
        // EP3 over 8 experts: each accelerator holds ceil(8/3) = 3 expert slots (9 in all, one a redundant
        // copy): fewer expert weights than EP2's 4 and more than EP4's 2.
        long three = InferenceModel.offline(ServingSetup.of(TOY, TOY_MOE, Precision.BF16, 1, 1, 3, 1000, 1000, PERFECT))
                .maxBatchByMemory();
        long four = InferenceModel.offline(ServingSetup.of(TOY, TOY_MOE, Precision.BF16, 1, 1, 4, 1000, 1000, PERFECT))
                .maxBatchByMemory();
        long two = InferenceModel.offline(ServingSetup.of(TOY, TOY_MOE, Precision.BF16, 1, 1, 2, 1000, 1000, PERFECT))
                .maxBatchByMemory();

        assertThat(ServingLayout.invalidExpertParallelReason(TOY_MOE, 3)).isNull();
        assertThat(three).isGreaterThan(two).isLessThan(four);
        assertThat(three % 3).isZero(); // every accelerator holds the same number of sequences
    }

    @Test
    void expertParallel_moreRanks_moreSequencesFit() {
        long two = InferenceModel.offline(ServingSetup.of(TOY, TOY_MOE, Precision.BF16, 1, 1, 2, 1000, 1000, PERFECT))
                .maxBatchByMemory();
        long four = InferenceModel.offline(ServingSetup.of(TOY, TOY_MOE, Precision.BF16, 1, 1, 4, 1000, 1000, PERFECT))
                .maxBatchByMemory();
        assertThat(four).isGreaterThan(2 * two);
    }
}
