package dev.gigawatt.model;

import static dev.gigawatt.model.InferenceModelTest.PERFECT;
import static dev.gigawatt.model.InferenceModelTest.TOY;
import static dev.gigawatt.model.InferenceModelTest.TOY_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Precision;
import org.junit.jupiter.api.Test;

/** A service's cached prompt share skips that prefill, not the KV cache it occupies. */
class PrefixCacheTest {
    private static ReplicaPerformance replica(double cachedShare) {
        return InferenceModel.replica(
                new ServingSetup(
                        TOY, TOY_MODEL, Precision.BF16, new Parallelism(1, 1), 1000, 1000, cachedShare, PERFECT),
                10,
                1);
    }

    @Test
    void halfCached_prefillHandComputed_memoryUnchanged() {
        // 500 new tokens: GEMMs 500 × 2e10 / 1e15 = 10 ms, under the 20 ms weight read, which binds; the new
        // tokens' attention over the whole prompt 2·10·1,000·(1,000² − 500²) = 1.5e10 FLOP = 15 us.
        // Uncached: 20 ms + 20 us. Every sequence still keeps its whole prompt's KV cache.
        ReplicaPerformance none = replica(0);
        ReplicaPerformance half = replica(0.5);
        assertThat(none.prefillSeconds()).isCloseTo(0.02002, within(1e-9));
        assertThat(half.prefillSeconds()).isCloseTo(0.020015, within(1e-9));
        assertThat(half.maxBatchByMemory()).isEqualTo(none.maxBatchByMemory());
    }

    @Test
    void mostlyCached_computeBoundPrefill_shrinksWithTheNewTokens() {
        // 4,000-token prompts: 80 ms of GEMMs uncached, 8 ms with 90% cached (the weight read, 20 ms, binds).
        ReplicaPerformance none = InferenceModel.replica(
                new ServingSetup(TOY, TOY_MODEL, Precision.BF16, new Parallelism(1, 1), 4000, 500, 0, PERFECT), 10, 1);
        ReplicaPerformance cached = InferenceModel.replica(
                new ServingSetup(TOY, TOY_MODEL, Precision.BF16, new Parallelism(1, 1), 4000, 500, 0.9, PERFECT),
                10,
                1);
        assertThat(cached.prefillSeconds()).isLessThan(none.prefillSeconds() / 3);
        assertThat(cached.tokensPerSecond()).isGreaterThan(none.tokensPerSecond());
    }
}
