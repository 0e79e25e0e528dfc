package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.GridRegion;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Market-based CO2e: the unmatched share of the energy at the grid's residual mix. */
class MarketBasedIntensityTest {
    static final Catalog CATALOG = Catalog.builtIn();

    static GridRegion grid(String name) {
        return CATALOG.grids().find(name).orElseThrow();
    }

    @Test
    void of_gridWithResidualMix_unmatchedShareAtTheResidualMix() {
        // AIB European Residual Mixes 2023, Table 2: Germany 719.90 gCO2/kWh; 40% matched leaves 60%.
        MarketBasedIntensity m = MarketBasedIntensity.of(grid("DE"), 0.4);
        assertThat(m.residualMix()).isTrue();
        assertThat(m.gramsPerKwh()).isCloseTo(0.6 * 719.9, within(1e-9));
        assertThat(m.hourlyGramsPerKwh(123)).isCloseTo(0.6 * 719.9, within(1e-9));
        assertThat(m.basis()).isEqualTo("residual mix");
    }

    @Test
    void of_gridWithoutResidualMix_fallsBackToTheLocationFactorAndSaysSo() {
        // Norway: no residual mix in the catalog; 31 g/kWh location-based (Ember 2024).
        MarketBasedIntensity m = MarketBasedIntensity.of(grid("NO"), 0.25);
        assertThat(m.residualMix()).isFalse();
        assertThat(m.gramsPerKwh()).isCloseTo(0.75 * 31, within(1e-9));
        assertThat(m.hourlyGramsPerKwh(40)).isCloseTo(0.75 * 40, within(1e-9));
        assertThat(m.basis()).isEqualTo("location (no residual mix)");
    }

    @Test
    void of_allMatched_isZero() {
        assertThat(MarketBasedIntensity.of(grid("DE"), 1).gramsPerKwh()).isZero();
        assertThat(MarketBasedIntensity.of(grid("NO"), 1).gramsPerKwh()).isZero();
    }

    @Test
    void catalog_everyResidualMixIsPositiveAndSourced() {
        for (GridRegion g : CATALOG.grids().all()) {
            if (g.hasResidualMix()) {
                assertThat(g.residualMixGramsPerKwh()).as(g.name()).isPositive();
                assertThat(g.provenance().source()).as(g.name()).contains("Residual mix: ");
                assertThat(g.provenance().estimates()).as(g.name()).containsKey("residualMixIntensity");
            }
        }
        // Green-e 2025 (2023 data), ERCOT: 477,137,386 MWh generated, 50,494,590.72 MWh certified voluntary;
        // 405 g/kWh × 477,137,386 / 426,642,795 = 452.9 g/kWh.
        assertThat(grid("US-TX").residualMixGramsPerKwh()).isCloseTo(453, within(0.5));
    }

    @Test
    void plan_oneSite_marketCo2eIsEnergyTimesUnmatchedShareTimesResidualMix() {
        String yaml = """
                name: one-site
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: DE, capacity: "100 MW", pue: 1.2, renewableShare: "70%"}
                fleet:
                  - {accelerator: H100-SXM, count: 8000, site: a, inService: 2025-01-01}
                """;
        SitePlan s = new Planner(Assumptions.builtIn())
                .plan(ScenarioReader.parse(yaml, "one-site.yaml", CATALOG))
                .sites()
                .get(0);
        // Location: energy × 344 g/kWh (Ember 2024); market: energy × 30% × 719.9 g/kWh, above the location figure.
        assertThat(s.co2eTonnesPerYear()).isCloseTo(s.energyMwhPerYear() * 344 / 1e3, within(1e-6));
        assertThat(s.co2eTonnesPerYearMarket()).isCloseTo(s.energyMwhPerYear() * 0.3 * 719.9 / 1e3, within(1e-6));
        assertThat(s.marketBasis()).isEqualTo("residual mix");
    }
}
