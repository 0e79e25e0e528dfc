package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PUE with a fixed part of the overhead, by month from the climate, and the design day for the fit check. */
class FacilityPueTest {
    static SitePlan site(String site, long count) {
        String yaml = """
                name: one-site
                horizon: {start: 2025-01-01, end: 2026-01-01}
                catalog:
                  grids:
                    - {name: FLAT, carbonIntensity: "300 g/kWh", waterIntensity: "1 L/kWh", electricityPrice: "$80/MWh", source: "test grid without a climate"}
                sites:
                  - %s
                fleet:
                  - {accelerator: H100-SXM, count: %d, site: a, inService: 2025-01-01}
                """.formatted(site, count);
        return new Planner(Assumptions.builtIn())
                .plan(ScenarioReader.parse(yaml, "one-site.yaml", Catalog.builtIn()))
                .sites()
                .get(0);
    }

    @Test
    void plan_noClimate_sameEveryMonthAndTheFixedPartAtNameplate() {
        // A grid without a climate: PUE 1.2 all year, also on the design day.
        SitePlan s = site("{name: a, grid: FLAT, capacity: \"100 MW\", pue: 1.2}", 8_000);
        assertThat(s.annualPue()).isCloseTo(1.2, within(1e-12));
        assertThat(s.designDayPue()).isCloseTo(1.2, within(1e-12));
        assertThat(s.facilityPowerMw()).isCloseTo(s.itPowerMw() * 1.2, within(1e-9));
        // Nameplate: overhead 0.2 × (30% × mean IT + 70% × nameplate IT), the fixed 30% staying at the mean load.
        double expected = s.peakItPowerMw() + 0.2 * (0.3 * s.itPowerMw() + 0.7 * s.peakItPowerMw());
        assertThat(s.peakFacilityPowerMw()).isCloseTo(expected, within(1e-9));
        assertThat(s.peakFacilityPowerMw() / s.peakItPowerMw()).isLessThan(1.2);
    }

    @Test
    void plan_hotClimate_designDayAboveTheAnnualPueAndTheFitCheckUsesIt() {
        SitePlan s = site("{name: a, grid: US-LA, capacity: \"100 MW\", cooling: liquid}", 8_000);
        assertThat(s.annualPue()).isCloseTo(1.15, within(1e-12));
        // Liquid: 2%/K; Monroe's months average 18.8 °C, July 28.1 °C, design 35.6 °C.
        double mean = (8.3 + 10.5 + 14.7 + 18.6 + 23.1 + 26.7 + 28.1 + 28.0 + 25.0 + 19.3 + 13.1 + 9.4) / 12;
        assertThat(s.designDayPue()).isCloseTo(1 + 0.15 * (1 + 0.02 * (35.6 - mean)), within(1e-9));
        double expected =
                s.peakItPowerMw() + (s.designDayPue() - 1) * (0.35 * s.itPowerMw() + 0.65 * s.peakItPowerMw());
        assertThat(s.peakFacilityPowerMw()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void designPue_givenForTheSite_replacesTheClimateEstimateInTheFitCheck() {
        SitePlan estimated = site("{name: a, grid: US-LA, capacity: \"100 MW\", cooling: liquid}", 8_000);
        SitePlan given = site("{name: a, grid: US-LA, capacity: \"100 MW\", cooling: liquid, designPue: 1.3}", 8_000);
        assertThat(given.designDayPue()).isEqualTo(1.3);
        assertThat(given.annualPue()).isEqualTo(estimated.annualPue());
        assertThat(given.peakFacilityPowerMw()).isGreaterThan(estimated.peakFacilityPowerMw());
        double expected = given.peakItPowerMw() + 0.3 * (0.35 * given.itPowerMw() + 0.65 * given.peakItPowerMw());
        assertThat(given.peakFacilityPowerMw()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void designPue_belowTheHottestMonth_isAPathPreciseError() {
        assertThatThrownBy(() -> site("{name: a, grid: FLAT, capacity: \"100 MW\", pue: 1.2, designPue: 1.1}", 8))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("sites[0].designPue");
                            assertThat(p.message())
                                    .isEqualTo("must be at least the site's highest monthly PUE (1.200), got 1.100");
                        }));
    }

    @Test
    void plan_designDayOverCapacity_isAShortfallTheAnnualPueWouldMiss() {
        // 60,000 H100 at 1.275 kW nameplate = 76.5 MW of IT: 86.1 MW at nameplate with a flat 1.15,
        // 89.3 MW on Louisiana's design day (PUE 1.20 at the planned load).
        SitePlan annualOnly = site("{name: a, grid: FLAT, capacity: \"88 MW\", cooling: liquid}", 60_000);
        SitePlan hot = site("{name: a, grid: US-LA, capacity: \"88 MW\", cooling: liquid}", 60_000);
        assertThat(annualOnly.fits()).isTrue();
        assertThat(hot.fits()).isFalse();
        assertThat(hot.shortfalls().get(0).demandMw()).isCloseTo(hot.peakFacilityPowerMw(), within(1e-9));
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plan_randomSite_moreItLoadNeverLowersFacilityEnergyOrPeak(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String grid = List.of("US", "US-LA", "US-OH", "US-AZ", "SG", "DE", "SE").get(r.nextInt(7));
        String cooling =
                List.of("air", "air-free-cooling", "liquid", "immersion").get(r.nextInt(4));
        long count = 8L * (1 + r.nextInt(10_000));
        double lower = r.nextDouble();
        double higher = lower + (1 - lower) * r.nextDouble();
        String site = "{name: a, grid: %s, capacity: \"1 GW\", cooling: %s, utilisation: \"%s%%\"}";
        SitePlan low = site(site.formatted(grid, cooling, String.format(Locale.ROOT, "%.3f", 100 * lower)), count);
        SitePlan high = site(site.formatted(grid, cooling, String.format(Locale.ROOT, "%.3f", 100 * higher)), count);
        SitePlan more = site(site.formatted(grid, cooling, String.format(Locale.ROOT, "%.3f", 100 * lower)), 2 * count);
        for (SitePlan s : List.of(low, high, more)) {
            assertThat(s.facilityPowerMw()).isGreaterThanOrEqualTo(s.itPowerMw());
            assertThat(s.peakFacilityPowerMw()).isGreaterThanOrEqualTo(s.peakItPowerMw());
            assertThat(s.designDayPue()).isGreaterThanOrEqualTo(s.annualPue() - 1e-12);
            assertThat(s.energyMwhPerYear()).isNotNegative();
        }
        assertThat(high.energyMwhPerYear()).isGreaterThanOrEqualTo(low.energyMwhPerYear() * (1 - 1e-12));
        assertThat(more.energyMwhPerYear()).isGreaterThanOrEqualTo(low.energyMwhPerYear());
        assertThat(more.peakFacilityPowerMw()).isGreaterThanOrEqualTo(low.peakFacilityPowerMw());
    }
}
