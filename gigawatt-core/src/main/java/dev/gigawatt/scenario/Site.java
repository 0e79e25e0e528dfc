package dev.gigawatt.scenario;

import dev.gigawatt.catalog.GridRegion;
import java.time.LocalDate;
import java.util.List;

/**
 * A data-centre campus.
 *
 * @param capacity grid capacity steps, sorted by date
 * @param pueByMonth power usage effectiveness for January..December
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

    /** The highest monthly PUE: the one that sets peak facility power. */
    public double peakPue() {
        return pueByMonth.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    }
}
