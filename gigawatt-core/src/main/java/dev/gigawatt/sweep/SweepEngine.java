package dev.gigawatt.sweep;

import java.util.List;
import java.util.function.IntConsumer;

/** Runs every (point, replication) of a sweep somewhere: local threads or a cluster. */
public interface SweepEngine {
    /**
     * Runs the sweep and returns one {@link SweepRun} per point and replication, ordered by point
     * then replication, whatever order they ran in.
     *
     * @param progress hears the number of runs finished so far
     */
    List<SweepRun> run(SweepSpec spec, String scenarioText, List<SweepPoint> points, IntConsumer progress);
}
