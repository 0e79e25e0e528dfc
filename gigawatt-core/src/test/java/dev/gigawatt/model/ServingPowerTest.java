package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServingPowerTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final ServingPowerShares SHARES = ServingPowerShares.of(Assumptions.builtIn());

    @Test
    void phaseWatts_handComputed() {
        // 70 W idle, 700 W TDP: 0.5 x 0.2 + 0.6 x 0.8 = 0.58 of 630 W = 365.4 W above idle.
        var shares = new ServingPowerShares(0.5, 0.6);
        assertThat(ServingPower.phaseWatts(70, 700, shares, 0.2, 0.8)).isCloseTo(435.4, within(1e-9));
        // Past the power limit: capped at TDP.
        assertThat(ServingPower.phaseWatts(70, 700, shares, 2, 1)).isEqualTo(700);
        assertThat(ServingPower.phaseWatts(70, 700, shares, 0, 0)).isEqualTo(70);
    }

    @Test
    void decodeAtSmallBatch_isMemoryBoundWellAboveIdle() {
        // ML.ENERGY: H100, Llama 3.1 8B BF16 at max_num_seqs 8 draws 486 W (PWR-MLENERGY-01), at about 2% of
        // the throughput a full batch reaches, where a linear-in-throughput model gives close to idle.
        double w = watts("H100-SXM", "llama-3.1-8b", Precision.BF16, 1, 500, 404, 8, 1);
        assertThat(w).isBetween(430.0, 540.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void power_staysBetweenIdleAndTdpAndNeverFallsWithLoad(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] accelerators = {"H100-SXM", "H200", "B200", "GB200", "MI300X"};
        String[] models = {"llama-3.1-8b", "llama-3.1-70b", "llama-4-maverick"};
        Accelerator a = CATALOG.accelerators()
                .find(accelerators[random.nextInt(accelerators.length)])
                .orElseThrow();
        ModelSpec m =
                CATALOG.models().find(models[random.nextInt(models.length)]).orElseThrow();
        int tp = 1 << random.nextInt(4);
        double in = 100 + random.nextInt(4000);
        double out = 50 + random.nextInt(1000);
        ServingEfficiency e = ServingEfficiency.of(Assumptions.builtIn(), CATALOG, a, null);
        ReplicaPerformance p = InferenceModel.offline(ServingSetup.of(a, m, Precision.FP8, tp, 1, 0, in, out, e));
        if (!p.feasible()) {
            return;
        }
        double previous = a.idlePowerWatts();
        for (int i = 0; i <= 20; i++) {
            double w = InferenceModel.acceleratorWatts(
                    ServingSetup.of(a, m, Precision.FP8, tp, 1, 0, in, out, e), p.batch(), i / 20.0, SHARES);
            assertThat(w).isBetween(a.idlePowerWatts(), a.tdpWatts());
            assertThat(w).as("load %d/20", i).isGreaterThanOrEqualTo(previous - 1e-6);
            previous = w;
        }
    }

    private static double watts(
            String accelerator,
            String model,
            Precision precision,
            int tp,
            double in,
            double out,
            long batch,
            double load) {
        Accelerator a = CATALOG.accelerators().find(accelerator).orElseThrow();
        ModelSpec m = CATALOG.models().find(model).orElseThrow();
        ServingEfficiency e = ServingEfficiency.of(Assumptions.builtIn(), CATALOG, a, null);
        return InferenceModel.acceleratorWatts(
                ServingSetup.of(a, m, precision, tp, 1, 0, in, out, e), batch, load, SHARES);
    }
}
