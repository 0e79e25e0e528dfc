package dev.gigawatt.scenario;

import dev.gigawatt.catalog.GridRegion;
import dev.gigawatt.model.FacilityOverhead;
import java.time.LocalDate;
import java.util.List;

/**
 * A data-centre campus.
 *
 * @param capacity grid capacity steps, sorted by date
 * @param pueByMonth power usage effectiveness at the reference IT load (the site's planned mean load, at its
 *     {@code utilisation}) for January..December; a single annual PUE is spread over the months by the
 *     grid region's climate
 * @param designDayPue PUE at the reference IT load on the climate's design day (the hottest month's
 *     overhead scaled to the cooling design temperature; the hottest month's PUE without a climate)
 * @param overheadFixedShare share of the facility overhead at the reference load that does not follow the IT
 *     load, 0..1
 * @param wueLitresPerKwh on-site water use per kWh of IT energy, L/kWh
 * @param electricityPriceUsdPerMwh price paid for electricity, USD/MWh; NaN when the scenario leaves it to
 *     {@code finance.electricityPrice} or the grid region
 * @param renewableShare share of energy matched by contracted renewables (market-based accounting), 0..1
 * @param averageUtilisation power-weighted average accelerator utilisation, 0..1
 * @param network the catalog network training jobs at this site run on, or null for each accelerator
 *     family's default
 */
public record Site(
        String name,
        GridRegion grid,
        List<CapacityStep> capacity,
        List<Double> pueByMonth,
        double designDayPue,
        double overheadFixedShare,
        double wueLitresPerKwh,
        String cooling,
        double electricityPriceUsdPerMwh,
        double renewableShare,
        double averageUtilisation,
        String network) {
    public Site {
        capacity = List.copyOf(capacity);
        pueByMonth = List.copyOf(pueByMonth);
    }

    /** The same site with other grid capacity steps (the optimiser probes a site with none). */
    public Site withCapacity(List<CapacityStep> steps) {
        return new Site(
                name,
                grid,
                steps,
                pueByMonth,
                designDayPue,
                overheadFixedShare,
                wueLitresPerKwh,
                cooling,
                electricityPriceUsdPerMwh,
                renewableShare,
                averageUtilisation,
                network);
    }

    /** Grid capacity in force on {@code date}, W (0 before the first step). */
    public double capacityWatts(LocalDate date) {
        double watts = 0;
        for (CapacityStep step : capacity) {
            if (!step.from().isAfter(date)) {
                watts = step.powerWatts();
            }
        }
        return watts;
    }

    /** PUE averaged over the year (months weighted equally). */
    public double meanPue() {
        return pueByMonth.stream().mapToDouble(Double::doubleValue).average().orElse(1);
    }

    /**
     * Facility power in month {@code monthIndex} (0 = January), W.
     *
     * @param itWatts IT power, W
     * @param referenceItWatts the site's reference IT load (its installed fleet at its planned utilisation), W
     */
    public double facilityWatts(double itWatts, double referenceItWatts, int monthIndex) {
        return FacilityOverhead.facilityWatts(
                itWatts, referenceItWatts, pueByMonth.get(monthIndex), overheadFixedShare);
    }

    /** Facility power at the annual mean PUE, W (see {@link #facilityWatts}). */
    public double meanFacilityWatts(double itWatts, double referenceItWatts) {
        return FacilityOverhead.facilityWatts(itWatts, referenceItWatts, meanPue(), overheadFixedShare);
    }

    /** Facility power on the design day, what the grid-fit check uses, W (see {@link #facilityWatts}). */
    public double designFacilityWatts(double itWatts, double referenceItWatts) {
        return FacilityOverhead.facilityWatts(itWatts, referenceItWatts, designDayPue, overheadFixedShare);
    }
}
