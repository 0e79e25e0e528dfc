package dev.gigawatt.plan;

/**
 * A site's embodied emissions per year by part, each amortised over its book life (IT parts over
 * {@code finance.depreciationYears}, the facility over {@code finance.facilityDepreciationYears}).
 *
 * @param acceleratorsTonnesPerYear accelerators (midpoint of each catalog range), tCO2e/year
 * @param hostsTonnesPerYear server hosts, tCO2e/year
 * @param networkTonnesPerYear switches and optics, tCO2e/year
 * @param facilityTonnesPerYear building, cooling and electrical plant, tCO2e/year
 */
public record EmbodiedCo2e(
        double acceleratorsTonnesPerYear,
        double hostsTonnesPerYear,
        double networkTonnesPerYear,
        double facilityTonnesPerYear) {
    /** All parts together, tCO2e/year. */
    public double totalTonnesPerYear() {
        return acceleratorsTonnesPerYear + hostsTonnesPerYear + networkTonnesPerYear + facilityTonnesPerYear;
    }
}
