package dev.gigawatt.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Facility power at the meter as IT power plus an overhead (cooling, power conversion, lighting)
 * with a fixed part and a part proportional to IT load, shaped by the outdoor temperature.
 *
 * <p>A site's PUE is stated at its reference IT load, the mean load it is planned for. The overhead
 * at that load, {@code (PUE − 1) × reference}, splits into a fixed share φ that does not follow the
 * load (UPS and transformer no-load losses, fans and pumps at minimum speed, lighting) and the rest,
 * which scales with IT power. Below the reference load PUE therefore rises, above it it falls, and
 * facility power never falls when IT power rises.
 *
 * <p>The overhead also grows with the outdoor temperature: by a share γ per kelvin above the
 * climate's annual mean (a linear cooling-degree model), normalised so that the mean of the twelve
 * monthly PUEs is the stated annual PUE. The design day (the climate's cooling design dry-bulb,
 * e.g. ASHRAE's 0.4 % value) gives the PUE the grid-fit check uses.
 *
 * @see "Rasmussen, Electrical Efficiency Modeling for Data Centers, Schneider Electric White Paper 113
 *     (2007): each facility device's losses as no-load, proportional and square-law parts"
 * @see "ASHRAE Handbook: Fundamentals (2021), chapter 14, climatic design conditions (0.4 % cooling dry-bulb)"
 */
public final class FacilityOverhead {
    private FacilityOverhead() {}

    /**
     * Facility power, W: {@code it + (pue − 1) × (φ × reference + (1 − φ) × it)}.
     *
     * @param itWatts IT power now, W
     * @param referenceItWatts the IT load the PUE is stated at, W
     * @param pue PUE at the reference load
     * @param fixedShare φ, share of the reference overhead that does not follow the IT load, 0..1
     */
    public static double facilityWatts(double itWatts, double referenceItWatts, double pue, double fixedShare) {
        double overhead = pue - 1;
        return itWatts + overhead * (fixedShare * referenceItWatts + (1 - fixedShare) * itWatts);
    }

    /**
     * The IT power that keeps facility power at {@code capacityWatts}: the inverse of
     * {@link #facilityWatts} in {@code itWatts}, never below 0, W.
     */
    public static double itWattsWithin(double capacityWatts, double referenceItWatts, double pue, double fixedShare) {
        double overhead = pue - 1;
        double it = (capacityWatts - overhead * fixedShare * referenceItWatts) / (1 + overhead * (1 - fixedShare));
        return Math.max(0, it);
    }

    /**
     * Twelve monthly PUEs whose mean is {@code annualPue}, the overhead of each month in proportion to
     * {@code max(0, 1 + γ × (T_month − T_mean))}.
     *
     * @param monthlyMeanCelsius mean outdoor temperature of January..December, °C
     * @param overheadPerKelvin γ, relative change of the overhead per kelvin, 1/K
     */
    public static List<Double> monthlyPue(double annualPue, List<Double> monthlyMeanCelsius, double overheadPerKelvin) {
        double[] factors = temperatureFactors(monthlyMeanCelsius, overheadPerKelvin);
        double mean = mean(factors);
        List<Double> pue = new ArrayList<>();
        for (double f : factors) {
            pue.add(1 + (annualPue - 1) * f / mean);
        }
        return pue;
    }

    /**
     * PUE at the reference load on the design day: the highest monthly overhead, scaled from the
     * hottest month's temperature to {@code designCelsius} (never below the hottest month's).
     */
    public static double designDayPue(
            List<Double> pueByMonth, List<Double> monthlyMeanCelsius, double designCelsius, double overheadPerKelvin) {
        double worst =
                pueByMonth.stream().mapToDouble(Double::doubleValue).max().orElse(1) - 1;
        double[] factors = temperatureFactors(monthlyMeanCelsius, overheadPerKelvin);
        double hottest = 0;
        for (double f : factors) {
            hottest = Math.max(hottest, f);
        }
        double meanCelsius = monthlyMeanCelsius.stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
        double design = Double.isNaN(designCelsius)
                ? hottest
                : Math.max(hottest, 1 + overheadPerKelvin * (designCelsius - meanCelsius));
        return 1 + (hottest > 0 ? worst * design / hottest : worst);
    }

    private static double[] temperatureFactors(List<Double> monthlyMeanCelsius, double overheadPerKelvin) {
        double meanCelsius = monthlyMeanCelsius.stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
        double[] factors = new double[monthlyMeanCelsius.size()];
        for (int m = 0; m < factors.length; m++) {
            factors[m] = Math.max(0, 1 + overheadPerKelvin * (monthlyMeanCelsius.get(m) - meanCelsius));
        }
        return factors;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
