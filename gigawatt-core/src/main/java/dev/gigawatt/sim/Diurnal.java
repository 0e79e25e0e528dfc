package dev.gigawatt.sim;

/**
 * The daily shape of assistant demand: a cosine peaking at {@value #PEAK_HOUR}:00 site time whose
 * busiest hour is {@code peakToMean} times the daily mean. For ratios above 2 a pure cosine would go
 * negative at night, so the shape becomes a raised cosine to a power, renormalised to mean 1.
 *
 * @see <a href="https://doi.org/10.1145/3297858.3304005">Gan et al., DeathStarBench / diurnal load of online services, ASPLOS 2019</a>
 */
public final class Diurnal {
    /** Hour of the evening peak, site time. */
    public static final int PEAK_HOUR = 20;

    private final double[] factors = new double[24];

    /** The shape for a peak-to-mean ratio {@code >= 1}. */
    public Diurnal(double peakToMean) {
        if (peakToMean <= 2) {
            for (int h = 0; h < 24; h++) {
                factors[h] = 1 + (peakToMean - 1) * Math.cos(2 * Math.PI * (h - PEAK_HOUR) / 24.0);
            }
            return;
        }
        // Find k so that max / mean of ((1 + cos)/2)^k equals peakToMean, by bisection.
        double lo = 1;
        double hi = 200;
        for (int i = 0; i < 100; i++) {
            double k = (lo + hi) / 2;
            if (ratio(k) < peakToMean) {
                lo = k;
            } else {
                hi = k;
            }
        }
        double k = (lo + hi) / 2;
        double mean = mean(k);
        for (int h = 0; h < 24; h++) {
            factors[h] = raised(h, k) / mean;
        }
    }

    /** Demand in hour {@code hourOfDay} (0..23) relative to the daily mean. */
    public double factor(int hourOfDay) {
        return factors[hourOfDay];
    }

    private static double raised(int h, double k) {
        return Math.pow((1 + Math.cos(2 * Math.PI * (h - PEAK_HOUR) / 24.0)) / 2, k);
    }

    private static double mean(double k) {
        double sum = 0;
        for (int h = 0; h < 24; h++) {
            sum += raised(h, k);
        }
        return sum / 24;
    }

    private static double ratio(double k) {
        return 1 / mean(k);
    }
}
