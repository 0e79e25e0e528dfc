package dev.gigawatt.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * The planner's answer for one site, for a year of operation with the fleet in service at the horizon's end.
 *
 * @param capacityMw grid capacity at the horizon's end, MW
 * @param accelerators accelerators in service at the horizon's end
 * @param itPowerMw mean IT power, MW
 * @param peakItPowerMw nameplate IT power: every accelerator at TDP and every host at full load, MW
 * @param facilityPowerMw mean facility power at the meter, MW
 * @param peakFacilityPowerMw nameplate facility power on the design day (what the fit check uses), MW
 * @param energyMwhPerYear facility energy per year, MWh
 * @param waterM3PerYear on-site plus off-site (generation) water, m³/year
 * @param onSiteWaterM3PerYear on-site water (WUE × IT energy), m³/year
 * @param co2eTonnesPerYear location-based operational emissions, tCO2e/year
 * @param co2eTonnesPerYearMarket market-based operational emissions: the unmatched share of the energy at the
 *     grid's residual mix, or at its location-based factor where the catalog has no residual mix, tCO2e/year
 * @param embodiedCo2eTonnesPerYear embodied emissions of accelerators, hosts, network and facility, each amortised
 *     over its book life, tCO2e/year (the sum of {@code embodied})
 * @param electricityUsdPerYear electricity bill, USD/year
 * @param fits true when peak facility power stays within capacity on every date
 * @param shortfalls periods when peak facility power exceeds capacity
 * @param expectedPeakFacilityPowerMw facility power with every server busy at its measured draw
 *     ({@code power.busyFractionOfNameplate} of nameplate) on the design day, MW
 * @param marketBasis what the unmatched share is counted at: "residual mix" or "location (no residual mix)"
 * @param embodied embodied emissions per year by part
 * @param annualPue facility energy over IT energy for the year at the planned load
 * @param designDayPue PUE at the planned load on the climate's design day; at nameplate load the fixed part of
 *     the overhead is spread over more IT power, so the fit check's PUE is {@code peakFacilityPowerMw /
 *     peakItPowerMw}
 * @param inHorizon totals over the scenario's horizon, day by day as deployments enter and leave service: the
 *     figures a simulation reports under the same names
 */
public record SitePlan(
        String name,
        String grid,
        double capacityMw,
        long accelerators,
        double itPowerMw,
        double peakItPowerMw,
        double facilityPowerMw,
        double peakFacilityPowerMw,
        double energyMwhPerYear,
        double waterM3PerYear,
        double onSiteWaterM3PerYear,
        double co2eTonnesPerYear,
        double co2eTonnesPerYearMarket,
        double embodiedCo2eTonnesPerYear,
        double electricityUsdPerYear,
        boolean fits,
        List<Shortfall> shortfalls,
        double expectedPeakFacilityPowerMw,
        String marketBasis,
        EmbodiedCo2e embodied,
        double annualPue,
        double designDayPue,
        InHorizon inHorizon) {
    public SitePlan {
        shortfalls = List.copyOf(shortfalls);
    }

    /**
     * A period when the site's peak draw exceeds its grid capacity.
     *
     * @param to end of the period (exclusive), or null when it lasts past every planned capacity step
     */
    public record Shortfall(LocalDate from, LocalDate to, double demandMw, double capacityMw) {}

    /**
     * A site's totals over the horizon at the planned utilisation: every deployment from the day it enters
     * service (or the horizon's start) to the end of its book life (or the horizon's end), each month at its
     * PUE and each hour at the grid's typical carbon intensity for that month and hour, as the simulator
     * counts them.
     *
     * @param gpuHours accelerator-hours in service, accelerator-h
     * @param energyMwh facility energy at the meter, MWh
     * @param co2eTonnesLocation location-based emissions of that energy, tCO2e
     * @param co2eTonnesMarket market-based emissions of that energy, tCO2e
     * @param waterM3 on-site (WUE × IT energy) plus off-site (grid water intensity × facility energy) water, m³
     * @param energyCostUsd electricity cost of that energy, USD
     */
    public record InHorizon(
            double gpuHours,
            double energyMwh,
            double co2eTonnesLocation,
            double co2eTonnesMarket,
            double waterM3,
            double energyCostUsd) {}
}
