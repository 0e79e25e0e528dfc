package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarbonProfileTest {
    static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    static double annualMean(CarbonProfile p) {
        double total = 0;
        for (int m = 1; m <= 12; m++) {
            for (int h = 0; h < 24; h++) {
                total += p.factor(m, h) * DAYS[m - 1];
            }
        }
        return total / (365 * 24.0);
    }

    @Test
    void noSolar_isFlat() {
        CarbonProfile p = new CarbonProfile(0, 35);
        for (int m = 1; m <= 12; m++) {
            for (int h = 0; h < 24; h++) {
                assertThat(p.factor(m, h)).isCloseTo(1, within(1e-12));
            }
        }
    }

    @Test
    void solarShare_keepsTheAnnualMeanAndDipsAtNoon() {
        CarbonProfile p = new CarbonProfile(0.2, 35);
        assertThat(annualMean(p)).isCloseTo(1, within(1e-9));
        // Night hours carry the non-solar mix: I / (1 − s) = 1.25 × the mean.
        assertThat(p.factor(6, 0)).isCloseTo(1.25, within(1e-9));
        assertThat(p.factor(6, 12)).isLessThan(p.factor(12, 12)).isLessThan(1);
    }

    @Test
    void measuredProfile_isRescaledToMeanOne() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 12 * 24; i++) {
            values.add(i % 24 < 12 ? 300.0 : 500.0);
        }
        CarbonProfile p = CarbonProfile.of(values);
        assertThat(annualMean(p)).isCloseTo(1, within(1e-9));
        assertThat(p.factor(1, 0)).isCloseTo(0.75, within(1e-9));
        assertThat(p.factor(1, 23)).isCloseTo(1.25, within(1e-9));
    }
}
