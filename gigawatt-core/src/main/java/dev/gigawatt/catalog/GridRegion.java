package dev.gigawatt.catalog;

import java.util.List;

/**
 * An electricity grid region with annual averages.
 *
 * @param carbonIntensityGramsPerKwh location-based emission factor, gCO2e/kWh
 * @param residualMixGramsPerKwh emission factor of the region's residual mix (the generation left once
 *     contractual instruments have been claimed), gCO2e/kWh, or NaN when the catalog has none
 * @param waterIntensityLitresPerKwh water consumed off site to generate a kWh, L/kWh
 * @param electricityPriceUsdPerMwh average industrial electricity price, USD/MWh
 * @param solarShare share of the region's annual generation from solar, 0..1 (shapes the hourly profile)
 * @param latitudeDegrees representative latitude, degrees north (sets day length by month)
 * @param utcOffsetHours standard-time offset of the region's clock from UTC, hours
 * @param hourlyProfile measured typical day per month: 12 × 24 intensities relative to the annual mean
 *     (January hour 0 first), or empty to derive one from the solar share
 * @param monthlyMeanCelsius mean outdoor temperature of January..December at a representative station, °C, or
 *     empty when the catalog has no climate for the region (its PUE is then the same every month)
 * @param designCelsius cooling design dry-bulb temperature (ASHRAE 0.4 %), °C, or NaN without a climate
 */
public record GridRegion(
        String name,
        String description,
        double carbonIntensityGramsPerKwh,
        double residualMixGramsPerKwh,
        double waterIntensityLitresPerKwh,
        double electricityPriceUsdPerMwh,
        double solarShare,
        double latitudeDegrees,
        double utcOffsetHours,
        List<Double> hourlyProfile,
        List<Double> monthlyMeanCelsius,
        double designCelsius,
        Provenance provenance)
        implements CatalogEntry {
    public GridRegion {
        hourlyProfile = List.copyOf(hourlyProfile);
        monthlyMeanCelsius = List.copyOf(monthlyMeanCelsius);
    }

    /** True when the catalog gives this region a monthly climate. */
    public boolean hasClimate() {
        return monthlyMeanCelsius.size() == 12;
    }

    /** True when the catalog gives this region a residual-mix emission factor. */
    public boolean hasResidualMix() {
        return !Double.isNaN(residualMixGramsPerKwh);
    }
}
