package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The planner's totals over the horizon, against hand arithmetic and against its own year at the horizon's end. */
class HorizonTotalsTest {
    private static final String BASE = """
            name: horizon
            horizon: {start: 2025-01-01, end: 2026-01-01}
            sites:
              - {name: a, grid: US-OH, pue: PUE, capacity: "100 MW"}
            fleet:
            FLEET
            finance:
              acceleratorPrices: {H100-SXM: "$30,000"}
              electricityPrice: "$80/MWh"
              facilityCost: "$0/MW"
              maintenance: "3%"
              depreciationYears: 4
            """;

    /** A PUE the climate does not spread over the months. */
    private static final String FLAT_PUE = "[1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2]";

    private static Scenario scenario(String pue, String fleet) {
        return ScenarioReader.parse(
                BASE.replace("PUE", pue).replace("FLEET", fleet), "horizon.yaml", Catalog.builtIn());
    }

    private static Plan plan(String pue, String fleet) {
        return new Planner(Assumptions.builtIn()).plan(scenario(pue, fleet));
    }

    private static Offset<Double> relative(double value, double share) {
        return within(Math.abs(value) * share);
    }

    @Test
    void fleetInServiceAllYear_horizonTotalsAreTheYearAtTheHorizonsEnd() {
        // 2025 has 365 days, the planner's year 8,760 hours: with the same fleet all year the two agree.
        SitePlan s = plan("1.2", "  - {accelerator: H100-SXM, count: 1000, site: a, inService: 2025-01-01}")
                .sites()
                .get(0);
        SitePlan.InHorizon h = s.inHorizon();
        assertThat(h.gpuHours()).isEqualTo(1000 * 8760.0);
        assertThat(h.energyMwh()).isCloseTo(s.energyMwhPerYear(), relative(s.energyMwhPerYear(), 1e-12));
        assertThat(h.waterM3()).isCloseTo(s.waterM3PerYear(), relative(s.waterM3PerYear(), 1e-12));
        assertThat(h.energyCostUsd()).isCloseTo(s.electricityUsdPerYear(), relative(s.electricityUsdPerYear(), 1e-12));
        // The hourly profile keeps the grid's annual mean; with a flat load only rounding separates them.
        assertThat(h.co2eTonnesLocation()).isCloseTo(s.co2eTonnesPerYear(), relative(s.co2eTonnesPerYear(), 1e-3));
        assertThat(h.co2eTonnesMarket())
                .isCloseTo(s.co2eTonnesPerYearMarket(), relative(s.co2eTonnesPerYearMarket(), 1e-3));
    }

    @Test
    void deploymentsEnterAndRetire_countedForTheirDaysInTheHorizon() {
        // 800 from 2025-07-01: 184 days. 200 from 2021-06-01, retired after 4 × 365 days on 2025-05-31:
        // 150 days of 2025 (2024 is a leap year). None after the horizon's end.
        Scenario scenario = scenario(FLAT_PUE, """
                  - {accelerator: H100-SXM, count: 800, site: a, inService: 2025-07-01}
                  - {accelerator: H100-SXM, count: 200, site: a, inService: 2021-06-01}
                  - {accelerator: H100-SXM, count: 5000, site: a, inService: 2026-01-01}
                """);
        Plan p = new Planner(Assumptions.builtIn()).plan(scenario);
        SitePlan.InHorizon h = p.sites().get(0).inHorizon();
        assertThat(h.gpuHours()).isEqualTo((800 * 184 + 200 * 150) * 24.0);
        // Energy per accelerator-hour is the same on every day: one type, the same PUE in every month.
        SitePlan.InHorizon year = plan(
                        FLAT_PUE, "  - {accelerator: H100-SXM, count: 1000, site: a, inService: 2025-01-01}")
                .sites()
                .get(0)
                .inHorizon();
        assertThat(h.energyMwh() / h.gpuHours())
                .isCloseTo(year.energyMwh() / year.gpuHours(), relative(year.energyMwh() / year.gpuHours(), 1e-12));
        // Money as the simulator accrues it: depreciation and maintenance for the same days.
        Money m = p.fleet().inHorizon();
        double perAccelerator = scenario.fleet()
                .get(0)
                .itCapexPerAccelerator(scenario.finance())
                .totalUsd();
        assertThat(m.capexUsd()).isCloseTo(800 * perAccelerator, within(1.0));
        assertThat(m.maintenanceUsd()).isCloseTo(0.03 * perAccelerator * (800 * 184 + 200 * 150) / 365, within(1.0));
        assertThat(m.depreciationUsd()).isCloseTo(perAccelerator / 4 * (800 * 184 + 200 * 150) / 365, within(1.0));
    }
}
