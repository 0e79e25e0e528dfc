package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Capex by year, NPV and residual value of the planner against hand arithmetic. */
class FleetMoneyTest {
    private static final String BASE = """
            name: money
            horizon: {start: 2025-01-01, end: 2026-01-01}
            sites:
              - {name: a, grid: US-OH, pue: 1.1, capacity: CAPACITY}
            fleet:
              - {accelerator: H100-SXM, count: 800, site: a, inService: 2025-01-01}
            inference:
              - {name: chat, model: llama-3.1-8b, users: "1M", requestsPerUserPerDay: 1, inputTokens: 100,
                 outputTokens: 100, slo: {ttft: "2 s", tpot: "100 ms"}, accelerator: H100-SXM, site: a,
                 parallelism: choose, precision: fp8}
            finance:
              acceleratorPrices: {H100-SXM: "$30,000"}
              facilityCost: "$10M/MW"
              electricityPrice: "$0/MWh"
              maintenance: "0%"
              costOfCapital: "8%"
              depreciationYears: 5
              facilityDepreciationYears: 25
              constructionLeadTime: "2 years"
              revenue: {perUserPerYear: "$50"}
            """;

    private static FleetPlan plan(String capacity) {
        var scenario = ScenarioReader.parse(BASE.replace("CAPACITY", capacity), "money.yaml", Catalog.builtIn());
        return new Planner(Assumptions.builtIn()).plan(scenario).fleet();
    }

    @Test
    void npv_fiveYearsWithResidualFacilityValue_handComputed() {
        // IT: 800 × 30,000 / 0.75 / 0.88 = $36,363,636; facility 10 MW × $10M = $100M, spent over 2 years
        // before energisation and carried at 8%: × (1.08² − 1) / (2 ln 1.08) = × 1.081066.
        // Revenue 1M × $50 = $50M/year, no opex; 5 years: 50M × 3.992710 = $199.6355M.
        // Residual: the facility keeps 100M × (1 − 5/25) = $80M, / 1.08^5 = $54.4467M; IT none.
        // NPV = −36.3636 − 108.1066 + 199.6355 + 54.4467 = $109.6119M.
        FleetPlan f = plan("\"10 MW\"");
        assertThat(f.evaluationYears()).isEqualTo(5);
        assertThat(f.residualValueUsd()).isCloseTo(80e6, within(1.0));
        assertThat(f.npvUsd()).isCloseTo(109.611876e6, within(10.0));
    }

    @Test
    void capexByYear_facilitySpreadOverLeadTime_handComputed() {
        // 10 MW energised 2025-07-01: $100M spent from 2023-07-02, 183/730 in 2023, 366/730 in 2024,
        // 181/730 in 2025. A 20 MW step on 2027-01-01 (+10 MW, $100M) starts on 2025-01-01:
        // 365/730 of it is spent in 2025 while still under construction.
        FleetPlan f = plan("[{from: 2025-07-01, power: \"10 MW\"}, {from: 2027-01-01, power: \"20 MW\"}]");
        assertThat(facility(f, 2023)).isCloseTo(100e6 * 183 / 730, within(1.0));
        assertThat(facility(f, 2024)).isCloseTo(100e6 * 366 / 730, within(1.0));
        assertThat(facility(f, 2025)).isCloseTo(100e6 * 181 / 730 + 50e6, within(1.0));
        assertThat(f.facilityUnderConstructionUsd()).isCloseTo(50e6, within(1.0));
        // capex counts what is in service at the horizon's end: IT and the first 10 MW only.
        assertThat(f.capexUsd()).isCloseTo(36_363_636.36 + 100e6, within(1.0));
    }

    private static double facility(FleetPlan f, int year) {
        return f.capexByYear().stream()
                .filter(y -> y.year() == year)
                .mapToDouble(FleetPlan.CapexYear::facilityUsd)
                .sum();
    }
}
