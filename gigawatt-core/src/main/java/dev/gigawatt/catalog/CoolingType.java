package dev.gigawatt.catalog;

/**
 * A data-centre cooling design with its typical efficiency.
 *
 * @param pue typical power usage effectiveness (facility power / IT power)
 * @param wueLitresPerKwh typical on-site water use per kWh of IT energy, L/kWh
 */
public record CoolingType(String name, String description, double pue, double wueLitresPerKwh, Provenance provenance)
        implements CatalogEntry {}
