package dev.gigawatt.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.TiesStrategy;

/** Every run of a sweep, with summaries per point and output, and the sensitivity of outputs to inputs. */
public record SweepResult(SweepSpec spec, List<SweepPoint> points, List<SweepRun> runs) {
    public SweepResult {
        points = List.copyOf(points);
        runs = List.copyOf(runs);
    }

    /** The outputs to report: the spec's, else every KPI of the first run. */
    public List<String> outputs() {
        if (!spec.outputs().isEmpty()) {
            return spec.outputs();
        }
        return runs.isEmpty() ? List.of() : List.copyOf(runs.get(0).kpis().keySet());
    }

    /** Values of {@code output} in every run. */
    public double[] values(String output) {
        return runs.stream()
                .mapToDouble(r -> r.kpis().getOrDefault(output, Double.NaN))
                .toArray();
    }

    /** The distribution of {@code output} over every run of the sweep. */
    public Summary summary(String output) {
        return Summary.of(values(output));
    }

    /** The distribution of {@code output} over the replications of each point. */
    public List<Summary> byPoint(String output) {
        List<Summary> out = new ArrayList<>();
        for (SweepPoint p : points) {
            out.add(Summary.of(runs.stream()
                    .filter(r -> r.point() == p.index())
                    .mapToDouble(r -> r.kpis().getOrDefault(output, Double.NaN))
                    .toArray()));
        }
        return out;
    }

    /** The inputs that vary across points, in spec order. */
    public List<String> inputs() {
        List<String> inputs = new ArrayList<>();
        spec.axes().forEach(a -> inputs.add(a.path()));
        spec.uncertain().forEach(u -> inputs.add(u.path()));
        return inputs;
    }

    /**
     * Spearman rank correlation of {@code output} with each input across all runs: the tornado.
     * Sorted by absolute value, largest first; inputs that do not vary get 0.
     */
    public Map<String, Double> sensitivity(String output) {
        double[] y = values(output);
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        for (String input : inputs()) {
            double[] x = runs.stream()
                    .mapToDouble(r -> points.get(r.point()).numbers().getOrDefault(input, Double.NaN))
                    .toArray();
            entries.add(Map.entry(input, spearman(x, y)));
        }
        entries.sort((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())));
        Map<String, Double> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static final NaturalRanking RANKING = new NaturalRanking(TiesStrategy.AVERAGE);

    /**
     * Spearman's rank correlation: Pearson correlation of the ranks (ties get their mean rank), over
     * the runs where both values are finite, as {@link Summary} leaves out values that are not.
     */
    static double spearman(double[] x, double[] y) {
        int n = 0;
        double[] fx = new double[x.length];
        double[] fy = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                fx[n] = x[i];
                fy[n] = y[i];
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double[] rx = RANKING.apply(Arrays.copyOf(fx, n));
        double[] ry = RANKING.apply(Arrays.copyOf(fy, n));
        // Pearson's r of the ranks; commons-statistics has no correlation yet.
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
