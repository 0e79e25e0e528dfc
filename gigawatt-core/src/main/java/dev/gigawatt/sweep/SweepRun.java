package dev.gigawatt.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: a point, a replication and the KPIs it produced.
 *
 * @param kpis KPI name → value (see {@link dev.gigawatt.metrics.Kpis})
 */
public record SweepRun(int point, long replication, Map<String, Double> kpis) implements Serializable {
    public SweepRun {
        kpis = Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
    }

    /** The run's place in a sweep of {@code replications} per point: point, then replication. */
    public long ordinal(int replications) {
        return ordinal(point, replication, replications);
    }

    /** The place of (point, replication) in a sweep of {@code replications} per point. */
    public static long ordinal(int point, long replication, int replications) {
        return (long) point * replications + replication;
    }
}
