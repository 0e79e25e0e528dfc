package dev.gigawatt.model;

import static dev.gigawatt.model.InferenceModelTest.PERFECT;
import static dev.gigawatt.model.InferenceModelTest.TOY;
import static dev.gigawatt.model.InferenceModelTest.TOY_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Precision;
import org.junit.jupiter.api.Test;

/** Prefill and decode on separate instances, against hand arithmetic on the round-number accelerator. */
class DisaggregatedUnitTest {
    private static final double INPUT = 1000;
    private static final double OUTPUT = 1000;

    private static ReplicaPerformance mean(Parallelism layout, double tpotSloSeconds) {
        return InferenceModel.replica(
                new ServingSetup(TOY, TOY_MODEL, Precision.BF16, layout, INPUT, OUTPUT, 0, PERFECT),
                10,
                tpotSloSeconds);
    }

    @Test
    void batchOfOne_tpotIsTheDecodeStepAlone_ttftAddsTheKvHandoff() {
        // Decode TP1: weights 2e10 B at 1e12 B/s = 20 ms + KV 6 us; no prompt chunk rides on the step.
        // Prefill TP1: 20.02 ms. Hand-off: 1,000 tokens x 2·10·1·100·2 B = 4e6 B over the 100 GB/s tier
        // (a two-accelerator unit fits the scale-up domain of 8): 10 us + 40 us.
        ReplicaPerformance p = mean(Parallelism.disaggregated(1, 1, 1, 1, 1), 0.020007);
        assertThat(p.batch()).isEqualTo(1);
        assertThat(p.tpotSeconds()).isCloseTo(0.020006, within(1e-9));
        assertThat(p.ttftSeconds()).isCloseTo(0.02002 + 5e-5 + 0.020006, within(1e-9));
    }

    @Test
    void throughput_isCappedByThePrefillInstances() {
        // One prefill instance finishes a prompt every 20.02 ms: at most 1,000 / 0.02002 output tokens/s
        // however large the decode side's batch.
        ReplicaPerformance p = mean(Parallelism.disaggregated(1, 1, 1, 1, 4), Double.POSITIVE_INFINITY);
        assertThat(p.tokensPerSecond()).isLessThanOrEqualTo(OUTPUT / 0.02002 * (1 + 1e-9));
        ReplicaPerformance twoPrefills = mean(Parallelism.disaggregated(1, 2, 1, 1, 4), Double.POSITIVE_INFINITY);
        assertThat(twoPrefills.tokensPerSecond()).isGreaterThan(p.tokensPerSecond() * 1.5);
    }

    @Test
    void tightTpot_longPrompts_decodeBatchGrowsWhenPromptsLeaveTheSteps() {
        // 8,000-token prompts, 50-token answers: each colocated step carries b/50 of a 161 ms prefill, whose
        // GEMMs overflow the 20 ms weight read from about batch 6 on. Decode instances step at 20 ms plus
        // 32.4 us of KV per sequence, limited here by two prefill instances' supply (b · 0.1613 / 100).
        double in = 8000;
        double out = 50;
        ReplicaPerformance colocated = InferenceModel.replica(
                new ServingSetup(TOY, TOY_MODEL, Precision.BF16, new Parallelism(1, 1), in, out, 0, PERFECT),
                10,
                0.0205);
        ReplicaPerformance disaggregated = InferenceModel.replica(
                new ServingSetup(
                        TOY, TOY_MODEL, Precision.BF16, Parallelism.disaggregated(1, 2, 1, 1, 1), in, out, 0, PERFECT),
                10,
                0.0205);
        assertThat(colocated.batch()).isBetween(5L, 7L);
        assertThat(disaggregated.batch()).isEqualTo(12);
        assertThat(disaggregated.tpotSeconds()).isLessThanOrEqualTo(0.0205);
    }

    @Test
    void handoff_acrossTheScaleOutFabric_costsMoreThanInsideTheDomain() {
        // 4 + 8 accelerators do not fit the 8-wide domain: the KV cache crosses the 10 GB/s fabric.
        ReplicaPerformance inside = mean(Parallelism.disaggregated(2, 1, 2, 1, 1), 1);
        ReplicaPerformance across = mean(Parallelism.disaggregated(2, 2, 2, 1, 4), 1);
        double insideHandoff = inside.ttftSeconds() - inside.prefillSeconds() - inside.decodeStepSeconds();
        double acrossHandoff = across.ttftSeconds() - across.prefillSeconds() - across.decodeStepSeconds();
        // Each of the 2 prefill ranks sends 2e6 B: 10 us + 20 us inside, 20 us + 200 us across.
        assertThat(insideHandoff).isCloseTo(3e-5, within(1e-9));
        assertThat(acrossHandoff).isCloseTo(2.2e-4, within(1e-9));
    }

    @Test
    void invalidPart_isNamed() {
        assertThat(ServingLayout.invalidReason(TOY_MODEL, Parallelism.disaggregated(4, 1, 2, 1, 1)))
                .isEqualTo("prefill: TP4 does not divide the 10 attention heads");
        assertThat(ServingLayout.invalidReason(TOY_MODEL, Parallelism.disaggregated(2, 1, 2, 3, 1)))
                .isEqualTo("decode: PP3 does not divide the 10 layers");
        assertThat(mean(Parallelism.disaggregated(4, 1, 2, 1, 1), 1).feasible()).isFalse();
    }

    @Test
    void power_prefillSideIdlesBetweenPrompts_decodeSideSteps() {
        ServingPowerShares shares = new ServingPowerShares(2.5, 0.6);
        Parallelism unit = Parallelism.disaggregated(1, 1, 1, 1, 1);
        double low = InferenceModel.acceleratorWatts(
                new ServingSetup(TOY, TOY_MODEL, Precision.BF16, unit, INPUT, OUTPUT, 0, PERFECT), 8, 0.1, shares);
        double high = InferenceModel.acceleratorWatts(
                new ServingSetup(TOY, TOY_MODEL, Precision.BF16, unit, INPUT, OUTPUT, 0, PERFECT), 8, 1, shares);
        assertThat(low).isGreaterThan(TOY.idlePowerWatts()).isLessThan(high);
        assertThat(high).isLessThanOrEqualTo(TOY.tdpWatts());
    }
}
