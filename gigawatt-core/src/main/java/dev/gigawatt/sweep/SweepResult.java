package dev.gigawatt.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Spearman's rank correlation: Pearson correlation of the ranks (ties get their mean rank). */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] ranks = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && Double.compare(v[order[j + 1]], v[order[i]]) == 0) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
