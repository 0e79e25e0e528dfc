package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.Provenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceModelTest {
    /** A round-number accelerator: 1 PFLOP/s BF16, 100 GB at 1 TB/s. */
    static final Accelerator TOY = new Accelerator(
            "toy",
            List.of(),
            "test",
            "gpu",
            2024,
            Map.of(Precision.BF16, 1e15),
            1e11,
            1e12,
            1000,
            100,
            "",
            0,
            "toy-server",
            10_000,
            1000,
            2000,
            new Provenance("test", Map.of()));

    /** A round-number model: 10B parameters, 10 layers of 10 heads × 100, one KV head. */
    static final ModelSpec TOY_MODEL = new ModelSpec(
            "toy-10b",
            List.of(),
            "test",
            "dense",
            1e10,
            1e10,
            10,
            1000,
            10,
            1,
            100,
            32_000,
            8192,
            0,
            new Provenance("test", Map.of()));

    static final ServingEfficiency PERFECT = new ServingEfficiency(1, 1, 1, 0, 0);

    @Test
    void replica_batchOfOne_isMemoryBoundHandComputed() {
        // Weights 2e10 B at 1e12 B/s = 20 ms; KV 4,000 B/token × 1,500 mean context = 6 MB (6 us).
        // Prefill: 2·1e10·1,000 + 2·10·1,000·1,000² = 2.002e13 FLOP at 1e15 = 20.02 ms.
        ReplicaPerformance p =
                InferenceModel.replica(TOY, TOY_MODEL, Precision.BF16, 1, 1, 1000, 1000, 1, 0.0200261, PERFECT);
        assertThat(p.batch()).isEqualTo(1);
        assertThat(p.decodeStepSeconds()).isCloseTo(0.020006, within(1e-9));
        assertThat(p.prefillSeconds()).isCloseTo(0.02002, within(1e-9));
        assertThat(p.tpotSeconds()).isCloseTo(0.020006 + 0.02002 / 1000, within(1e-9));
        assertThat(p.ttftSeconds()).isCloseTo(0.02002 + 0.020006, within(1e-9));
        assertThat(p.computeBound()).isFalse();
    }

    @Test
    void offline_fillsMemoryAndIsComputeBound() {
        // Free memory 1e11 − 2e10 = 8e10 B; each sequence reserves 2,000 tokens × 4,000 B = 8e6 B → 10,000.
        // Step: 10,000 × 2.006e10 FLOP / 1e15 = 0.2006 s; plus prefills 10,000 × 0.02002 / 1,000 = 0.2002 s.
        ReplicaPerformance p = InferenceModel.offline(TOY, TOY_MODEL, Precision.BF16, 1, 1, 1000, 1000, PERFECT);
        assertThat(p.maxBatchByMemory()).isEqualTo(10_000);
        assertThat(p.batch()).isEqualTo(10_000);
        assertThat(p.computeBound()).isTrue();
        assertThat(p.tokensPerSecond()).isCloseTo(10_000 / 0.4008, within(1e-6));
    }

    @Test
    void replica_weightsDoNotFit_isInfeasible() {
        ModelSpec huge = new ModelSpec(
                "huge",
                List.of(),
                "test",
                "dense",
                1e12,
                1e12,
                10,
                1000,
                10,
                1,
                100,
                32_000,
                8192,
                0,
                new Provenance("test", Map.of()));
        ReplicaPerformance p = InferenceModel.offline(TOY, huge, Precision.BF16, 1, 1, 100, 100, PERFECT);
        assertThat(p.feasible()).isFalse();
        assertThat(p.maxBatchByMemory()).isZero();
    }

    @Test
    void replica_tighterTpot_neverRaisesThroughput() {
        double previous = Double.POSITIVE_INFINITY;
        for (double tpot = 0.5; tpot > 0.02; tpot *= 0.8) {
            ReplicaPerformance p =
                    InferenceModel.replica(TOY, TOY_MODEL, Precision.BF16, 1, 1, 1000, 1000, 10, tpot, PERFECT);
            assertThat(p.tpotSeconds()).isLessThanOrEqualTo(tpot);
            assertThat(p.tokensPerSecond()).isLessThanOrEqualTo(previous * (1 + 1e-12));
            previous = p.tokensPerSecond();
        }
    }

    @Test
    void replica_unreachableTpot_isInfeasible() {
        ReplicaPerformance p =
                InferenceModel.replica(TOY, TOY_MODEL, Precision.BF16, 1, 1, 1000, 1000, 10, 0.001, PERFECT);
        assertThat(p.feasible()).isFalse();
        assertThat(p.tokensPerSecond()).isZero();
    }

    @Test
    void pipelineParallel_addsCapacityNotLatency() {
        ReplicaPerformance one =
                InferenceModel.replica(TOY, TOY_MODEL, Precision.BF16, 1, 1, 1000, 1000, 10, 1, PERFECT);
        ReplicaPerformance two =
                InferenceModel.replica(TOY, TOY_MODEL, Precision.BF16, 1, 2, 1000, 1000, 10, 1, PERFECT);
        assertThat(two.maxBatchByMemory()).isGreaterThan(2 * one.maxBatchByMemory());
        assertThat(two.prefillSeconds()).isEqualTo(one.prefillSeconds());
    }
}
