package dev.gigawatt.sweep;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Summary statistics of one output over a set of runs.
 *
 * @param ci95 half-width of the 95 % confidence interval of the mean (Student t), NaN for one run
 */
public record Summary(
        int n, double mean, double sd, double ci95, double min, double p10, double p50, double p90, double max) {
    /** Summarises {@code values} (NaNs are ignored). */
    public static Summary of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = v.length;
        if (n == 0) {
            return new Summary(
                    0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double ci =
                n > 1 ? TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n) : Double.NaN;
        return new Summary(n, mean, sd, ci, v[0], quantile(v, 0.1), quantile(v, 0.5), quantile(v, 0.9), v[n - 1]);
    }

    /** Linear interpolation between order statistics (Hyndman and Fan type 7, as R and NumPy default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
