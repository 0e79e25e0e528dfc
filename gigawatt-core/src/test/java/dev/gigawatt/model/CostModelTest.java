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
    void npv_wholeYearsNoResidual_handComputed() {
        // −100 + 60/1.1 + 60/1.21 = 4.1322.
        assertThat(CostModel.npvUsd(100, 60, 0.1, 2, 0)).isCloseTo(4.1322, within(1e-4));
    }

    @Test
    void npv_partYearAndResidual_handComputed() {
        // 2.5 years: 4.1322 + 0.5 × 60 / 1.1^2.5 + 20 / 1.1^2.5, with 1.1^2.5 = 1.269059:
        // 4.1322 + 23.6396 + 15.7597 = 43.5315.
        assertThat(CostModel.npvUsd(100, 60, 0.1, 2.5, 20)).isCloseTo(43.5315, within(1e-4));
    }

    @Test
    void residualBookValue_handComputed() {
        // 250 over 25 years, after 5.5: 250 × (1 − 5.5/25) = 195; nothing left after its life.
        assertThat(CostModel.residualBookValueUsd(250, 25, 5.5)).isCloseTo(195, within(1e-9));
        assertThat(CostModel.residualBookValueUsd(250, 5, 5.5)).isZero();
    }

    @Test
    void constructionCarryFactor_handComputed() {
        // Spent evenly over 2 years at 8%: (1.08² − 1) / (2 ln 1.08) = 0.1664 / 0.153922 = 1.081066.
        assertThat(CostModel.constructionCarryFactor(0.08, 2)).isCloseTo(1.081066, within(1e-6));
        assertThat(CostModel.constructionCarryFactor(0.08, 0)).isEqualTo(1);
    }

    @Test
    void straightLine_handComputed() {
        assertThat(CostModel.straightLineUsdPerYear(55, 5.5)).isEqualTo(10);
    }
}
