package dev.gigawatt.model;

import dev.gigawatt.catalog.GridRegion;

/**
 * The emission factor that market-based (Scope 2) accounting applies to a site's electricity.
 *
 * <p>The share matched by contractual instruments (renewable PPAs, certificates) counts at zero; the
 * unmatched share counts at the grid region's residual mix, the generation left once every claimed
 * attribute has been removed, which the GHG Protocol Scope 2 Guidance requires instead of the grid
 * average. So the factor per kWh of facility energy is {@code (1 − renewableShare) × residual}. A
 * region the catalog gives no residual mix falls back to the location-based factor for the unmatched
 * share, {@code (1 − renewableShare) × location}, and says so ({@link #residualMix()} is false).
 *
 * <p>The residual mix is an annual figure with no hourly shape: the simulator applies it flat to
 * every hour, while the fallback keeps the location-based hourly profile.
 *
 * @param unmatchedShare share of the energy not matched by contractual instruments, 0..1
 * @param residualMix true when the unmatched share is counted at the region's residual mix
 * @param gramsPerKwh the annual factor applied to all of a site's energy, gCO2e/kWh
 * @see <a href="https://ghgprotocol.org/scope-2-guidance">GHG Protocol Scope 2 Guidance (2015), chapter 6, market-based emission factor hierarchy</a>
 */
public record MarketBasedIntensity(double unmatchedShare, boolean residualMix, double gramsPerKwh) {
    /**
     * The market-based factor of energy drawn from {@code grid}.
     *
     * @param renewableShare share of the energy matched by contractual instruments, 0..1
     */
    public static MarketBasedIntensity of(GridRegion grid, double renewableShare) {
        double unmatched = 1 - renewableShare;
        boolean residual = grid.hasResidualMix();
        double factor = residual ? grid.residualMixGramsPerKwh() : grid.carbonIntensityGramsPerKwh();
        return new MarketBasedIntensity(unmatched, residual, unmatched * factor);
    }

    /**
     * The factor for one hour whose location-based intensity is {@code locationGramsPerKwh}: the flat
     * residual-mix factor, or the unmatched share of that hour's location-based intensity.
     */
    public double hourlyGramsPerKwh(double locationGramsPerKwh) {
        return residualMix ? gramsPerKwh : unmatchedShare * locationGramsPerKwh;
    }

    /** The name of the factor the unmatched share is counted at, as reports show it. */
    public String basis() {
        return residualMix ? "residual mix" : "location (no residual mix)";
    }
}
