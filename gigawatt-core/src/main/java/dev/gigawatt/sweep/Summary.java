package dev.gigawatt.sweep;

import java.util.Arrays;
import java.util.EnumSet;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.Statistic;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Summary statistics of one output over a set of runs.
 *
 * @param ci95 half-width of the 95 % confidence interval of the mean (Student t), NaN for one run
 */
public record Summary(
        int n, double mean, double sd, double ci95, double min, double p10, double p50, double p90, double max) {
    private static final Quantile QUANTILE =
            Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(false);

    /**
     * Summarises {@code values}; values that are not finite (a KPI a run could not compute) are left
     * out and {@code n} counts the rest. Quantiles interpolate between order statistics (Hyndman and
     * Fan type 7, as R and NumPy by default).
     */
    public static Summary of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = v.length;
        if (n == 0) {
            return new Summary(
                    0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        DoubleStatistics s = DoubleStatistics.of(
                EnumSet.of(Statistic.MIN, Statistic.MAX, Statistic.MEAN, Statistic.STANDARD_DEVIATION), v);
        double mean = s.getAsDouble(Statistic.MEAN);
        double sd = n > 1 ? s.getAsDouble(Statistic.STANDARD_DEVIATION) : 0;
        double ci =
                n > 1 ? TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n) : Double.NaN;
        double[] q = QUANTILE.evaluate(v, 0.1, 0.5, 0.9);
        return new Summary(
                n, mean, sd, ci, s.getAsDouble(Statistic.MIN), q[0], q[1], q[2], s.getAsDouble(Statistic.MAX));
    }
}
