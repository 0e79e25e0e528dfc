package dev.gigawatt.spark;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.report.SweepJson;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepReader;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import dev.gigawatt.sweep.SweepValidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class dev.gigawatt.spark.SparkSweepMain gigawatt-spark.jar SWEEP.yaml OUT_DIR}:
 * runs a sweep on the cluster and writes {@code summary.json} and {@code runs.csv} (one row per
 * run and KPI) into {@code OUT_DIR} on the driver. The master comes from spark-submit
 * ({@code --master}); without one it runs in {@code local[*]}.
 */
public final class SparkSweepMain {
    private SparkSweepMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println(
                    "usage: spark-submit --class dev.gigawatt.spark.SparkSweepMain gigawatt-spark.jar SWEEP.yaml OUT_DIR");
            System.exit(2);
        }
        SweepSpec spec;
        String scenarioText;
        List<SweepPoint> points;
        try {
            // Every point is checked before the cluster is asked for anything, as the CLI does.
            spec = SweepReader.read(Path.of(args[0]), args[0]);
            scenarioText = YamlDocument.readText(spec.scenario(), spec.origin().scenarioName());
            points = SweepDesign.points(spec);
            SweepValidation.check(spec, scenarioText, points, Catalog.builtIn());
        } catch (InputException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("gigawatt sweep " + spec.name());
        if (!hasMaster()) {
            builder = builder.master("local[*]").config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            SweepResult result = run(spark, spec, scenarioText, points);
            write(result, Path.of(args[1]));
            System.out.println("Sweep " + spec.name() + ": " + result.runs().size() + " runs; results in " + args[1]);
        } finally {
            spark.stop();
        }
    }

    /** Runs {@code spec} on {@code spark}. */
    public static SweepResult run(SparkSession spark, SweepSpec spec) throws IOException {
        String scenarioText =
                YamlDocument.readText(spec.scenario(), spec.origin().scenarioName());
        return run(spark, spec, scenarioText, SweepDesign.points(spec));
    }

    private static SweepResult run(SparkSession spark, SweepSpec spec, String scenarioText, List<SweepPoint> points) {
        List<SweepRun> runs = new SparkSweepEngine(spark).run(spec, scenarioText, points, n -> {});
        return new SweepResult(spec, points, runs);
    }

    /** Writes summary.json and runs.csv into {@code dir}. */
    static void write(SweepResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), SweepJson.write(result), StandardCharsets.UTF_8);
        try (CsvWriter w = CsvWriter.builder().build(dir.resolve("runs.csv"), StandardCharsets.UTF_8)) {
            w.writeRecord("point", "replication", "kpi", "value");
            for (SweepRun r : result.runs()) {
                for (Map.Entry<String, Double> k : r.kpis().entrySet()) {
                    w.writeRecord(
                            Integer.toString(r.point()),
                            Long.toString(r.replication()),
                            k.getKey(),
                            Double.isFinite(k.getValue()) ? k.getValue().toString() : "");
                }
            }
        }
    }

    private static boolean hasMaster() {
        return System.getProperty("spark.master") != null;
    }
}
