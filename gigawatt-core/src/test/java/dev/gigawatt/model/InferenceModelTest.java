package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.NetworkSpec;
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

    /** A round-number network: 8 accelerators at 100 GB/s and 10 us per step, then 10 GB/s and 20 us. */
    static final NetworkSpec TOY_NETWORK = new NetworkSpec(
            "toy-net",
            List.of(),
            "up",
            8,
            1e11,
            1e-5,
            "out",
            1e10,
            2e-5,
            1_000_000,
            1,
            new Provenance("test", Map.of()));

    /** The same with a scale-up domain of two, as PCIe-attached inference cards have. */
    static final NetworkSpec TOY_PCIE = new NetworkSpec(
            "toy-pcie",
            List.of(),
            "up",
            2,
            3.2e10,
            2e-5,
            "out",
            3e9,
            5e-5,
            1_000_000,
            1,
            new Provenance("test", Map.of()));

    static final ServingEfficiency PERFECT = new ServingEfficiency(1, 0, 1, 1, 0, TOY_NETWORK, 1);

    @Test
    void replica_batchOfOne_isMemoryBoundHandComputed() {
        // Weights 2e10 B at 1e12 B/s = 20 ms; KV 4,000 B/token × 1,500 mean context = 6 MB (6 us).
        // Prefill: 2·1e10·1,000 + 2·10·1,000·1,000² = 2.002e13 FLOP at 1e15 = 20.02 ms. A step carries 1/1,000
        // of a prompt: its GEMMs (20 us) hide under the 20 ms weight read, its attention (2e10 FLOP / 1e15 /
        // 1,000 = 20 ns) adds. Batch 2 would take 20 ms + 12 us + 40 ns, over the objective.
        ReplicaPerformance p = InferenceModel.replica(
                ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 1, 1, 0, 1000, 1000, PERFECT), 1, 0.020007);
        assertThat(p.batch()).isEqualTo(1);
        assertThat(p.decodeStepSeconds()).isCloseTo(0.020006, within(1e-9));
        assertThat(p.prefillSeconds()).isCloseTo(0.02002, within(1e-9));
        assertThat(p.tpotSeconds()).isCloseTo(0.020006 + 2e-8, within(1e-9));
        assertThat(p.ttftSeconds()).isCloseTo(0.02002 + 0.020006, within(1e-9));
        assertThat(p.computeBound()).isFalse();
    }

    @Test
    void offline_fillsMemoryAndIsComputeBound() {
        // Free memory 1e11 − 2e10 = 8e10 B; each sequence reserves 2,000 tokens × 4,000 B = 8e6 B → 10,000.
        // Step: GEMMs 10,000 × 2e10 FLOP / 1e15 = 0.2 s (above the 0.02 s weight read), then attention
        // bound by its KV read 10,000 × 4,000 B × 1,500 / 1e12 = 0.06 s (above its 6e-4 s of FLOPs):
        // 0.26 s; plus prefills 10,000 × 0.02002 / 1,000 = 0.2002 s.
        ReplicaPerformance p =
                InferenceModel.offline(ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 1, 1, 0, 1000, 1000, PERFECT));
        assertThat(p.maxBatchByMemory()).isEqualTo(10_000);
        assertThat(p.batch()).isEqualTo(10_000);
        assertThat(p.computeBound()).isTrue();
        assertThat(p.tokensPerSecond()).isCloseTo(10_000 / 0.4602, within(1e-6));
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
        ReplicaPerformance p =
                InferenceModel.offline(ServingSetup.of(TOY, huge, Precision.BF16, 1, 1, 0, 100, 100, PERFECT));
        assertThat(p.feasible()).isFalse();
        assertThat(p.maxBatchByMemory()).isZero();
    }

    @Test
    void replica_tighterTpot_neverRaisesThroughput() {
        double previous = Double.POSITIVE_INFINITY;
        for (double tpot = 0.5; tpot > 0.02; tpot *= 0.8) {
            ReplicaPerformance p = InferenceModel.replica(
                    ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 1, 1, 0, 1000, 1000, PERFECT), 10, tpot);
            assertThat(p.tpotSeconds()).isLessThanOrEqualTo(tpot);
            assertThat(p.tokensPerSecond()).isLessThanOrEqualTo(previous * (1 + 1e-12));
            previous = p.tokensPerSecond();
        }
    }

    @Test
    void replica_unreachableTpot_isInfeasible() {
        ReplicaPerformance p = InferenceModel.replica(
                ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 1, 1, 0, 1000, 1000, PERFECT), 10, 0.001);
        assertThat(p.feasible()).isFalse();
        assertThat(p.tokensPerSecond()).isZero();
    }

    @Test
    void decodeStep_tensorParallel2_addsTwoRingAllReducesPerLayerHandComputed() {
        // TP2, batch 1: weights 2e10 B at 2e12 B/s = 10 ms; the one KV head is copied on both ranks, so
        // KV 2·10·2·100·2 = 8,000 B/token × 1,500 = 1.2e7 B = 6 us. All-reduce of 1 × 1,000 × 2 B = 2,000 B
        // over 2 ranks = reduce-scatter + all-gather, each log2(2) × 10 us + 1/2 × 2,000 / 1e11 s
        // = 10.01 us; two per layer × 10 layers = 400.4 us. The prompt chunk adds its attention and its
        // all-reduces (1/1,000 of 20 × 40 us): TPOT ~10.4072 ms; the objective admits batch 1 only.
        ReplicaPerformance p = InferenceModel.replica(
                ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 2, 1, 0, 1000, 1000, PERFECT), 10, 0.01041);
        assertThat(p.batch()).isEqualTo(1);
        assertThat(p.decodeStepSeconds()).isCloseTo(0.010006 + 4.004e-4, within(1e-9));
        assertThat(p.tpotSeconds()).isCloseTo(0.010006 + 4.004e-4 + 1e-8 + 8e-7, within(1e-9));
    }

    @Test
    void decodeStep_pcieTier_costsMoreThanNvlinkClassTier() {
        ServingEfficiency pcie = new ServingEfficiency(1, 0, 1, 1, 0, TOY_PCIE, 1);
        double nvlink = InferenceModel.replica(
                        ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 5, 1, 0, 1000, 1000, PERFECT), 10, 1)
                .decodeStepSeconds();
        double pcieStep = InferenceModel.replica(
                        ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 5, 1, 0, 1000, 1000, pcie), 10, 1)
                .decodeStepSeconds();
        assertThat(pcieStep).isGreaterThan(nvlink * 1.02);
    }

    @Test
    void replica_tensorParallelNotDividingHeads_isInfeasible() {
        ReplicaPerformance p =
                InferenceModel.offline(ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 4, 1, 0, 100, 100, PERFECT));
        assertThat(p.feasible()).isFalse();
        assertThat(ServingLayout.invalidReason(TOY_MODEL, 4, 1))
                .isEqualTo("TP4 does not divide the 10 attention heads");
        assertThat(ServingLayout.invalidReason(TOY_MODEL, 2, 3)).isEqualTo("PP3 does not divide the 10 layers");
    }

    @Test
    void pipelineParallel_addsCapacityNotLatency() {
        ReplicaPerformance one = InferenceModel.replica(
                ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 1, 1, 0, 1000, 1000, PERFECT), 10, 1);
        ReplicaPerformance two = InferenceModel.replica(
                ServingSetup.of(TOY, TOY_MODEL, Precision.BF16, 1, 2, 0, 1000, 1000, PERFECT), 10, 1);
        assertThat(two.maxBatchByMemory()).isGreaterThan(2 * one.maxBatchByMemory());
        assertThat(two.prefillSeconds()).isEqualTo(one.prefillSeconds());
    }
}
