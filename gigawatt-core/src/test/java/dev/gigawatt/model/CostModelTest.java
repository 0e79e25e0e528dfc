package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostModelTest {
    @Test
    void capitalRecoveryFactor_handComputed() {
        // 8% over 5 years: 0.08 · 1.08^5 / (1.08^5 − 1) = 0.250456.
        assertThat(CostModel.capitalRecoveryFactor(0.08, 5)).isCloseTo(0.250456, within(1e-6));
    }

    @Test
    void capitalRecoveryFactor_zeroRate_isStraightLine() {
        assertThat(CostModel.capitalRecoveryFactor(0, 4)).isEqualTo(0.25);
    }

    @Test
    void npv_handComputed() {
        // −100 + 60/1.1 + 60/1.21 = 4.1322.
        assertThat(CostModel.npvUsd(100, 60, 0.1, 2)).isCloseTo(4.1322, within(1e-4));
    }

    @Test
    void straightLine_handComputed() {
        assertThat(CostModel.straightLineUsdPerYear(55, 5.5)).isEqualTo(10);
    }
}
