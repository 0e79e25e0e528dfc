package dev.gigawatt.sweep;

import java.util.Map;

/**
 * One run of a sweep: a point, a replication and the KPIs it produced.
 *
 * @param kpis KPI name → value (see {@link dev.gigawatt.report.Kpis})
 */
public record SweepRun(int point, long replication, Map<String, Double> kpis) implements java.io.Serializable {
    public SweepRun {
        kpis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kpis));
    }
}
