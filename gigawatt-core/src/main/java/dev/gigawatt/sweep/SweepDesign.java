package dev.gigawatt.sweep;

import dev.gigawatt.sim.RandomStreams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ArraySampler;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * The points of a sweep: every combination of the axes, crossed with samples of the uncertain
 * inputs: independent uniform draws ({@code random}), one draw per equal-probability stratum of
 * every input with the strata paired at random ({@code latin-hypercube}), or each input at its
 * 10th, 50th and 90th percentile ({@code grid}).
 *
 * @see <a href="https://doi.org/10.1080/00401706.1979.10489755">McKay, Beckman, Conover, A comparison of three methods for selecting values of input variables in the analysis of output from a computer code, Technometrics 21(2), 1979</a>
 */
public final class SweepDesign {
    /** The designs draw probabilities from {@code EDGE} to {@code 1 - EDGE}, where every inverse CDF is finite. */
    static final double EDGE = 1e-12;

    private SweepDesign() {}

    /** The sweep's points, in a fixed order. */
    public static List<SweepPoint> points(SweepSpec spec) {
        List<Map<String, Object[]>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Axis axis : spec.axes()) {
            List<Map<String, Object[]>> next = new ArrayList<>();
            for (Map<String, Object[]> c : combos) {
                for (int i = 0; i < axis.values().size(); i++) {
                    Map<String, Object[]> m = new LinkedHashMap<>(c);
                    m.put(
                            axis.path(),
                            new Object[] {axis.values().get(i), axis.numbers().get(i)});
                    next.add(m);
                }
            }
            combos = next;
        }
        List<double[]> probabilities = probabilities(spec);
        List<SweepPoint> points = new ArrayList<>();
        for (Map<String, Object[]> combo : combos) {
            for (double[] p : probabilities) {
                Map<String, String> values = new LinkedHashMap<>();
                Map<String, Double> numbers = new LinkedHashMap<>();
                combo.forEach((path, v) -> {
                    values.put(path, (String) v[0]);
                    numbers.put(path, (Double) v[1]);
                });
                for (int k = 0; k < spec.uncertain().size(); k++) {
                    Uncertain u = spec.uncertain().get(k);
                    Uncertain.Value value = u.at(p[k]);
                    values.put(u.path(), value.text());
                    numbers.put(u.path(), value.number());
                }
                points.add(new SweepPoint(points.size(), values, numbers));
            }
        }
        return points;
    }

    /** Cumulative probabilities per sample (rows) and uncertain input (columns). */
    static List<double[]> probabilities(SweepSpec spec) {
        int k = spec.uncertain().size();
        List<double[]> rows = new ArrayList<>();
        if (k == 0) {
            rows.add(new double[0]);
            return rows;
        }
        UniformRandomProvider random = new RandomStreams(spec.seed(), 0).stream("sweep/design");
        switch (spec.design()) {
            case "grid" -> {
                double[] levels = {0.1, 0.5, 0.9};
                int n = (int) Math.pow(3, k);
                for (int i = 0; i < n; i++) {
                    double[] row = new double[k];
                    int rest = i;
                    for (int j = 0; j < k; j++) {
                        row[j] = levels[rest % 3];
                        rest /= 3;
                    }
                    rows.add(row);
                }
            }
            case "random" -> {
                for (int i = 0; i < spec.samples(); i++) {
                    double[] row = new double[k];
                    for (int j = 0; j < k; j++) {
                        row[j] = open(random.nextDouble());
                    }
                    rows.add(row);
                }
            }
            default -> {
                int n = spec.samples();
                double[][] columns = new double[k][n];
                for (int j = 0; j < k; j++) {
                    int[] perm = permutation(n, random);
                    for (int i = 0; i < n; i++) {
                        columns[j][i] = open((perm[i] + random.nextDouble()) / n);
                    }
                }
                for (int i = 0; i < n; i++) {
                    double[] row = new double[k];
                    for (int j = 0; j < k; j++) {
                        row[j] = columns[j][i];
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static int[] permutation(int n, UniformRandomProvider random) {
        return ArraySampler.shuffle(random, PermutationSampler.natural(n));
    }

    /** Keeps a probability strictly inside (0, 1), where every inverse CDF is finite. */
    private static double open(double p) {
        return Math.min(1 - EDGE, Math.max(EDGE, p));
    }
}
