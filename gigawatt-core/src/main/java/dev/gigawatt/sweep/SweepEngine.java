package dev.gigawatt.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;

/** Runs every (point, replication) of a sweep somewhere: local threads or a cluster. */
public interface SweepEngine {
    /**
     * Runs the sweep and returns one {@link SweepRun} per point and replication, ordered by point
     * then replication, whatever order they ran in.
     *
     * @param progress hears the number of runs finished so far
     */
    List<SweepRun> run(SweepSpec spec, String scenarioText, List<SweepPoint> points, IntConsumer progress);

    /**
     * Runs the (point, replication) pairs of the sweep whose {@link SweepRun#ordinal ordinal} is not
     * {@code recorded}, handing each finished run to {@code sink} on the calling thread, in the order
     * they finish. An exception from {@code sink} stops the sweep (runs in flight are abandoned) and
     * is rethrown. This default runs the whole sweep first; an engine that can do better streams.
     *
     * @param progress hears the number of runs finished so far by this call
     */
    default void stream(
            SweepSpec spec,
            String scenarioText,
            List<SweepPoint> points,
            LongPredicate recorded,
            Consumer<SweepRun> sink,
            IntConsumer progress) {
        List<SweepRun> runs = new ArrayList<>(run(spec, scenarioText, points, progress));
        runs.removeIf(r -> recorded.test(r.ordinal(spec.replications())));
        runs.forEach(sink);
    }
}
