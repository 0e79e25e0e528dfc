package dev.gigawatt.catalog;

/**
 * A data-centre cooling design with its typical efficiency and how its overhead behaves.
 *
 * @param pue typical annual power usage effectiveness (facility power / IT power) at the planned load
 * @param wueLitresPerKwh typical on-site water use per kWh of IT energy, L/kWh
 * @param overheadFixedShare share of the facility overhead at the planned load that does not follow the IT
 *     load, 0..1, or NaN for the assumption {@code site.overheadFixedShare}
 * @param overheadPerKelvin relative change of the facility overhead per kelvin of outdoor temperature, 1/K,
 *     or NaN for the assumption {@code site.overheadPerKelvin}
 */
public record CoolingType(
        String name,
        String description,
        double pue,
        double wueLitresPerKwh,
        double overheadFixedShare,
        double overheadPerKelvin,
        Provenance provenance)
        implements CatalogEntry {}
