package dev.gigawatt.results;

import dev.gigawatt.metrics.Kpis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two or more recorded runs side by side: every KPI any of them has, each run's value (NaN where a run
 * lacks it), and each later run's difference from and ratio to the first. {@code gigawatt compare} and
 * the web API's {@code /api/compare} both render this.
 *
 * @param runs the runs, the first being the baseline
 * @param rows one row per KPI, in the order the runs first name them
 */
public record RunComparison(List<RunSummary> runs, List<Row> rows) {
    public RunComparison {
        runs = List.copyOf(runs);
        rows = List.copyOf(rows);
    }

    /**
     * One KPI across the runs.
     *
     * @param values each run's value, NaN where it has none
     * @param differences each later run's value minus the first's
     * @param ratios each later run's value over the first's; NaN where the first is 0 or either is missing
     */
    public record Row(String name, String unit, double[] values, double[] differences, double[] ratios) {}

    /** The comparison of {@code runs} (at least two), with their KPIs read from {@code store}. */
    public static RunComparison of(ResultsStore store, List<RunSummary> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare needs at least two runs, got " + runs.size());
        }
        List<Map<String, Double>> values = new ArrayList<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Kpis.Kpi k : store.kpis(r.runId())) {
                m.put(k.name(), k.value());
                units.putIfAbsent(k.name(), k.unit());
            }
            values.add(m);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> kpi : units.entrySet()) {
            int n = runs.size();
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = values.get(i).getOrDefault(kpi.getKey(), Double.NaN);
            }
            double[] differences = new double[n - 1];
            double[] ratios = new double[n - 1];
            for (int i = 1; i < n; i++) {
                differences[i - 1] = v[i] - v[0];
                ratios[i - 1] = v[0] != 0 && Double.isFinite(v[0]) && Double.isFinite(v[i]) ? v[i] / v[0] : Double.NaN;
            }
            rows.add(new Row(kpi.getKey(), kpi.getValue(), v, differences, ratios));
        }
        return new RunComparison(runs, rows);
    }
}
