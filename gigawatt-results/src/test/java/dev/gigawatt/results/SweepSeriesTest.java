package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Units of sweep outputs as the report labels them, read from the KPI names. */
class SweepSeriesTest {
    @ParameterizedTest
    @CsvSource({
        "tco_usd_per_year, USD/year",
        "capex_in_horizon_usd, USD",
        "energy_mwh, MWh",
        "energy_mwh_per_year, MWh/year",
        "co2e_tonnes_location, tCO2e",
        "co2e_tonnes_per_year_market, tCO2e/year",
        "site.a.b.peak_facility_power_mw, MW",
        "service.chat.slo_attainment, share",
        "training_goodput, share",
        "usd_per_gpu_hour, USD/accelerator-h",
        "water_m3, m³",
        "gpu_hours, accelerator-h",
        "something_else, ''"
    })
    void unitOf_kpiName_isTheUnitItsNameEndsWith(String kpi, String unit) {
        assertThat(SweepSeries.unitOf(kpi)).isEqualTo(unit);
    }
}
