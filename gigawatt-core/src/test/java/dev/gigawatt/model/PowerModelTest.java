package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerModelTest {
    @Test
    void linear_interpolatesIdleToMax() {
        assertThat(PowerModel.linearWatts(100, 700, 0)).isEqualTo(100);
        assertThat(PowerModel.linearWatts(100, 700, 1)).isEqualTo(700);
        assertThat(PowerModel.linearWatts(100, 700, 0.5)).isEqualTo(400);
    }

    @Test
    void itWattsPerAccelerator_addsHostShare() {
        // 700 W GPU at full load plus an 8-GPU host drawing 3,200 W: 700 + 400 = 1,100 W.
        assertThat(PowerModel.itWattsPerAccelerator(75, 700, 1600, 3200, 8, 1)).isCloseTo(1100, within(1e-9));
    }

    @Test
    void facility_multipliesByPue() {
        assertThat(PowerModel.facilityWatts(1e6, 1.1)).isCloseTo(1.1e6, within(1e-6));
    }
}
