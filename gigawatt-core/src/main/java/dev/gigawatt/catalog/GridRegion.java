package dev.gigawatt.catalog;

/**
 * An electricity grid region with annual averages.
 *
 * @param carbonIntensityGramsPerKwh location-based emission factor, gCO2e/kWh
 * @param waterIntensityLitresPerKwh water consumed off site to generate a kWh, L/kWh
 * @param electricityPriceUsdPerMwh average industrial electricity price, USD/MWh
 */
public record GridRegion(
        String name,
        String description,
        double carbonIntensityGramsPerKwh,
        double waterIntensityLitresPerKwh,
        double electricityPriceUsdPerMwh,
        Provenance provenance)
        implements CatalogEntry {}
