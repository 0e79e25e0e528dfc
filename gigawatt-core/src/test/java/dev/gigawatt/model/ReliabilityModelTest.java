package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityModelTest {
    @Test
    void jobMtbf_sumsAcceleratorRates() {
        // 1,000 accelerators failing once per 10,000 h each: the job fails every 10 h = 36,000 s.
        assertThat(ReliabilityModel.jobMtbfSeconds(1000, 1e-4)).isCloseTo(36_000, within(1e-6));
    }

    @Test
    void youngInterval_isSqrtTwoDeltaM() {
        // δ = 60 s, M = 3,600 s: sqrt(2 · 60 · 3600) = 657.27 s.
        assertThat(ReliabilityModel.youngIntervalSeconds(60, 3600)).isCloseTo(657.267, within(1e-3));
    }

    @Test
    void dalyInterval_smallCheckpoint_approachesYoung() {
        double young = ReliabilityModel.youngIntervalSeconds(1, 1e6);
        assertThat(ReliabilityModel.dalyIntervalSeconds(1, 1e6)).isCloseTo(young, within(young * 0.01));
    }

    @Test
    void dalyInterval_checkpointLongerThanTwiceMtbf_isMtbf() {
        assertThat(ReliabilityModel.dalyIntervalSeconds(500, 100)).isEqualTo(100);
    }

    @Test
    void dalyInterval_isNearTheMinimumOfWallTime() {
        double delta = 120;
        double m = 4 * 3600;
        double r = 600;
        double best = ReliabilityModel.dalyIntervalSeconds(delta, m);
        double atBest = ReliabilityModel.wallTimePerComputeTime(best, delta, r, m);
        for (double tau = 100; tau < 20_000; tau += 50) {
            assertThat(ReliabilityModel.wallTimePerComputeTime(tau, delta, r, m))
                    .isGreaterThanOrEqualTo(atBest - 1e-4);
        }
    }

    @Test
    void ettr_noFailures_isOnlyCheckpointOverhead() {
        // M → ∞: wall/compute → (τ + δ)/τ, so ETTR = 600 / 660.
        assertThat(ReliabilityModel.ettr(600, 60, 300, 1e15)).isCloseTo(600.0 / 660, within(1e-6));
    }

    @Test
    void ettr_firstOrder_matchesHandComputedWaste() {
        // τ = 1,800 s, δ = 30 s, R = 600 s, M = 100 h: waste ≈ δ/τ + (τ+δ)²/(2Mτ) + R/M.
        double m = 100 * 3600;
        double waste = 30.0 / 1800 + Math.pow(1830, 2) / (2 * m * 1800) + 600 / m;
        assertThat(1 / ReliabilityModel.ettr(1800, 30, 600, m) - 1).isCloseTo(waste, within(2e-4));
    }

    @Test
    void ettr_moreFailures_isLower() {
        double previous = 1;
        for (double m = 1e6; m > 1e3; m /= 2) {
            double tau = ReliabilityModel.dalyIntervalSeconds(60, m);
            double ettr = ReliabilityModel.ettr(tau, 60, 600, m);
            assertThat(ettr).isLessThan(previous).isPositive();
            previous = ettr;
        }
    }
}
