package dev.gigawatt.calibration;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Nelder–Mead simplex minimisation with the standard coefficients, a fixed iteration budget and no
 * randomness, so a fit is reproducible bit for bit.
 *
 * @see <a href="https://doi.org/10.1093/comjnl/7.4.308">Nelder and Mead, A simplex method for function
 *     minimization, The Computer Journal 7(4), 1965</a>
 */
final class NelderMead {
    private NelderMead() {}

    /** The point near {@code start} that minimises {@code f}, searched with initial steps {@code step}. */
    static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double step, int iterations) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(simplex[i]);
        }
        for (int it = 0; it < iterations; it++) {
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            double[][] sorted = new double[n + 1][];
            double[] sortedValues = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                sorted[i] = simplex[order[i]];
                sortedValues[i] = values[order[i]];
            }
            simplex = sorted;
            values = sortedValues;
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = toward(centroid, simplex[n], -1);
            double fr = f.applyAsDouble(reflected);
            if (fr < values[0]) {
                double[] expanded = toward(centroid, simplex[n], -2);
                double fe = f.applyAsDouble(expanded);
                replace(simplex, values, n, fe < fr ? expanded : reflected, Math.min(fe, fr));
            } else if (fr < values[n - 1]) {
                replace(simplex, values, n, reflected, fr);
            } else {
                double[] contracted = toward(centroid, simplex[n], 0.5);
                double fc = f.applyAsDouble(contracted);
                if (fc < values[n]) {
                    replace(simplex, values, n, contracted, fc);
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = toward(simplex[0], simplex[i], 0.5);
                        values[i] = f.applyAsDouble(simplex[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    /** {@code from + t·(to − from)}. */
    private static double[] toward(double[] from, double[] to, double t) {
        double[] out = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            out[i] = from[i] + t * (to[i] - from[i]);
        }
        return out;
    }

    private static void replace(double[][] simplex, double[] values, int i, double[] point, double value) {
        simplex[i] = point;
        values[i] = value;
    }
}
