package dev.gigawatt.model;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.ServerSpec;
import dev.gigawatt.units.Dimension;

/**
 * Embodied (cradle-to-gate) emissions of what a site is built from, per part, amortised straight-line
 * over each part's book life: accelerators (the catalog's range per entry), hosts (CPUs, memory, NICs,
 * chassis of the servers), the network (switches and optics) and the facility (building, cooling and
 * electrical plant, per watt of grid capacity).
 *
 * <p>An accelerator whose server type says {@code acceleratorPriceCovers: server} (rack-scale systems
 * such as GB200 NVL72) already carries its share of the rack in its catalog range, so no host is added
 * for it, the same convention as its price (see {@link ItCapex}).
 *
 * @param hostKgPerServer embodied emissions of one server's host, kgCO2e
 * @param networkKgPerAccelerator embodied emissions of the network per accelerator, kgCO2e
 * @param facilityKgPerWatt embodied emissions of the facility per watt of grid capacity, kgCO2e/W
 */
public record EmbodiedCarbon(double hostKgPerServer, double networkKgPerAccelerator, double facilityKgPerWatt) {
    /** The factors of {@code assumptions} ({@code embodied.*}). */
    public static EmbodiedCarbon of(Assumptions assumptions) {
        return new EmbodiedCarbon(
                assumptions.quantity("embodied.hostPerServer", Dimension.MASS_CO2E),
                assumptions.quantity("embodied.networkPerAccelerator", Dimension.MASS_CO2E),
                assumptions.quantity("embodied.facilityPerMwOfCapacity", Dimension.MASS_CO2E) / 1e6);
    }

    /**
     * Host emissions per accelerator in {@code server}, kgCO2e: the server's host shared by its
     * accelerators, or zero when the accelerator's own range already covers the server.
     *
     * @param acceleratorsPerServer accelerators the server holds
     */
    public double hostKgPerAccelerator(ServerSpec server, int acceleratorsPerServer) {
        return server != null && server.priceCoversServer() ? 0 : hostKgPerServer / acceleratorsPerServer;
    }

    /**
     * Facility emissions per year of {@code capacityWatts} of grid capacity, kgCO2e/year.
     *
     * @param facilityYears book life of the facility, years
     */
    public double facilityKgPerYear(double capacityWatts, double facilityYears) {
        return capacityWatts * facilityKgPerWatt / facilityYears;
    }
}
