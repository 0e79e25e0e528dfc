package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FacilityOverheadTest {
    private static final List<Double> FLAT = Collections.nCopies(12, 15.0);
    /** Ten months at 10 °C, two at 25 °C: mean 12.5 °C. */
    private static final List<Double> TWO_HOT_MONTHS =
            List.of(10.0, 10.0, 10.0, 10.0, 10.0, 25.0, 25.0, 10.0, 10.0, 10.0, 10.0, 10.0);

    @Test
    void facilityWatts_atTheReferenceLoad_isItTimesPue() {
        // 100 MW × 1.2 = 120 MW whatever the fixed share.
        assertThat(FacilityOverhead.facilityWatts(100e6, 100e6, 1.2, 0.3)).isCloseTo(120e6, within(1e-3));
        assertThat(FacilityOverhead.facilityWatts(100e6, 100e6, 1.2, 0.9)).isCloseTo(120e6, within(1e-3));
    }

    @Test
    void facilityWatts_atHalfTheReferenceLoad_keepsTheFixedPart() {
        // Overhead at 100 MW: 20 MW, 30% fixed = 6 MW; at 50 MW: 6 + 0.7 × 0.2 × 50 = 13 MW → 63 MW, PUE 1.26.
        double facility = FacilityOverhead.facilityWatts(50e6, 100e6, 1.2, 0.3);
        assertThat(facility).isCloseTo(63e6, within(1e-3));
        assertThat(facility / 50e6).isGreaterThan(1.2);
    }

    @Test
    void facilityWatts_noFixedPart_isProportional() {
        assertThat(FacilityOverhead.facilityWatts(37e6, 100e6, 1.1, 0)).isCloseTo(37e6 * 1.1, within(1e-3));
    }

    @Test
    void itWattsWithin_invertsFacilityWatts() {
        // 63 MW of facility power at reference 100 MW, PUE 1.2, 30% fixed is 50 MW of IT (above).
        assertThat(FacilityOverhead.itWattsWithin(63e6, 100e6, 1.2, 0.3)).isCloseTo(50e6, within(1e-3));
        assertThat(FacilityOverhead.itWattsWithin(1e6, 100e6, 1.2, 0.3)).isZero();
    }

    @Test
    void monthlyPue_flatClimate_isTheAnnualValueEveryMonth() {
        assertThat(FacilityOverhead.monthlyPue(1.15, FLAT, 0.02))
                .allSatisfy(p -> assertThat(p).isCloseTo(1.15, within(1e-12)));
    }

    @Test
    void monthlyPue_twoHotMonths_handComputed() {
        // Factors 1 + 0.02 × (T − 12.5): cold months 0.95, hot months 1.25, mean 1 → overhead 0.2 × factor.
        List<Double> pue = FacilityOverhead.monthlyPue(1.2, TWO_HOT_MONTHS, 0.02);
        assertThat(pue.get(0)).isCloseTo(1.19, within(1e-12));
        assertThat(pue.get(5)).isCloseTo(1.25, within(1e-12));
    }

    @Test
    void designDayPue_handComputed() {
        // Design 35 °C: factor 1 + 0.02 × (35 − 12.5) = 1.45; hottest month 1.25 with overhead 0.25 → 0.25 × 1.45 /
        // 1.25.
        List<Double> pue = FacilityOverhead.monthlyPue(1.2, TWO_HOT_MONTHS, 0.02);
        assertThat(FacilityOverhead.designDayPue(pue, TWO_HOT_MONTHS, 35, 0.02)).isCloseTo(1.29, within(1e-12));
    }

    @Test
    void designDayPue_noDesignTemperature_isTheWorstMonth() {
        List<Double> pue = FacilityOverhead.monthlyPue(1.2, TWO_HOT_MONTHS, 0.02);
        assertThat(FacilityOverhead.designDayPue(pue, TWO_HOT_MONTHS, Double.NaN, 0.02))
                .isCloseTo(1.25, within(1e-12));
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomCase_meanPreserved_nothingBelowIt_moreLoadNeverLess(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Double> climate = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            climate.add(-20 + 60 * r.nextDouble());
        }
        double annual = 1 + r.nextDouble();
        double perKelvin = 0.2 * r.nextDouble();
        List<Double> pue = FacilityOverhead.monthlyPue(annual, climate, perKelvin);
        double mean = pue.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isCloseTo(annual, within(1e-12));
        pue.forEach(p -> assertThat(p).isGreaterThanOrEqualTo(1));
        double design = FacilityOverhead.designDayPue(pue, climate, -20 + 70 * r.nextDouble(), perKelvin);
        assertThat(design).isGreaterThanOrEqualTo(Collections.max(pue) - 1e-12);

        double reference = 1e9 * r.nextDouble();
        double fixed = r.nextDouble();
        double lower = reference * 2 * r.nextDouble();
        double higher = lower + reference * r.nextDouble();
        double pueNow = pue.get(r.nextInt(12));
        double atLower = FacilityOverhead.facilityWatts(lower, reference, pueNow, fixed);
        double atHigher = FacilityOverhead.facilityWatts(higher, reference, pueNow, fixed);
        assertThat(atLower).isGreaterThanOrEqualTo(lower);
        assertThat(atHigher).isGreaterThanOrEqualTo(atLower);
        // PUE rises as IT load falls.
        if (lower > 0) {
            assertThat(atLower / lower).isGreaterThanOrEqualTo(atHigher / higher - 1e-12);
        }
        assertThat(FacilityOverhead.itWattsWithin(atLower, reference, pueNow, fixed))
                .isCloseTo(lower, within(1e-6 * Math.max(1, lower)));
    }
}
