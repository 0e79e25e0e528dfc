package dev.gigawatt.spark;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.sweep.SweepEngine;
import dev.gigawatt.sweep.SweepEvaluator;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a sweep on Apache Spark: every (point, replication) is one element of an RDD, evaluated on
 * the executors by the same pure function the local engine calls, so both engines give identical
 * results for the same sweep and seed.
 */
public final class SparkSweepEngine implements SweepEngine {
    private final SparkSession spark;

    /** An engine on an existing session (spark-submit or a test's local[*] session). */
    public SparkSweepEngine(SparkSession spark) {
        this.spark = spark;
    }

    /** A task: one run to evaluate; serialised to the executors. */
    record Task(int point, long replication, Map<String, String> values) implements Serializable {}

    @Override
    public List<SweepRun> run(SweepSpec spec, String scenarioText, List<SweepPoint> points, IntConsumer progress) {
        List<SweepRun> runs = new ArrayList<>(runs(spec, scenarioText, points).collect());
        runs.sort(Comparator.comparingInt(SweepRun::point).thenComparingLong(SweepRun::replication));
        progress.accept(runs.size());
        return runs;
    }

    /** The sweep's runs as an RDD, evaluated on the executors when an action needs them; in no particular order. */
    public JavaRDD<SweepRun> runs(SweepSpec spec, String scenarioText, List<SweepPoint> points) {
        List<Task> tasks = new ArrayList<>();
        for (SweepPoint p : points) {
            for (long r = 0; r < spec.replications(); r++) {
                tasks.add(new Task(p.index(), r, new LinkedHashMap<>(p.values())));
            }
        }
        String name = spec.scenario().getFileName().toString();
        String mode = spec.mode();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(tasks.size(), jsc.defaultParallelism() * 4));
        return jsc.parallelize(tasks, slices)
                .map(t -> new SweepRun(
                        t.point(),
                        t.replication(),
                        SweepEvaluator.evaluate(
                                scenarioText, name, t.values(), mode, t.replication(), CatalogHolder.CATALOG)));
    }

    /** The built-in catalog, parsed once per executor JVM. */
    static final class CatalogHolder {
        static final Catalog CATALOG = Catalog.builtIn();

        private CatalogHolder() {}
    }
}
