package dev.gigawatt.spark;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Text;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.report.GigawattVersion;
import dev.gigawatt.report.SweepJson;
import dev.gigawatt.sweep.SweepBundle;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepReader;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import dev.gigawatt.sweep.SweepValidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code spark-submit --class dev.gigawatt.spark.SparkSweepMain gigawatt-spark.jar SWEEP.yaml OUT}:
 * runs a sweep on the cluster and writes it as a {@link SweepBundle} to {@code OUT}, a folder that
 * must not exist yet, on any file system Spark can write (a local or shared path, {@code hdfs://},
 * {@code s3a://}): the executors write the runs as Parquet, one file per partition, and the driver
 * writes the inputs, {@code summary.json} and, last, the manifest. {@code gigawatt import OUT} then
 * records the sweep in a results database. The master comes from spark-submit ({@code --master});
 * without one it runs in {@code local[*]}.
 */
public final class SparkSweepMain {
    private SparkSweepMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println(
                    "usage: spark-submit --class dev.gigawatt.spark.SparkSweepMain gigawatt-spark.jar SWEEP.yaml OUT");
            System.exit(2);
        }
        SweepSpec spec;
        String sweepText;
        String scenarioText;
        List<SweepPoint> points;
        try {
            // Every point is checked before the cluster is asked for anything, as the CLI does.
            Path file = Path.of(args[0]);
            sweepText = YamlDocument.readText(file, args[0]);
            spec = SweepReader.parse(sweepText, args[0], file.toAbsolutePath().getParent());
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
        int status = 0;
        try {
            SweepResult result = runInto(spark, spec, sweepText, scenarioText, points, args[1]);
            System.out.println("Sweep " + spec.name() + ": " + result.runs().size() + " runs written to " + args[1]
                    + "; record them with: gigawatt import " + args[1]);
        } catch (OutputExistsException e) {
            System.err.println("error: " + e.getMessage());
            status = 2;
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The output folder exists already: a bundle is never written over another. */
    static final class OutputExistsException extends RuntimeException {
        OutputExistsException(String out) {
            super(out + " exists; give a folder that does not exist yet");
        }
    }

    /**
     * Runs {@code spec} on {@code spark} and writes it as a bundle to {@code out}, which must not
     * exist; returns the result, runs sorted by point and replication.
     */
    static SweepResult runInto(
            SparkSession spark,
            SweepSpec spec,
            String sweepText,
            String scenarioText,
            List<SweepPoint> points,
            String out)
            throws IOException {
        Instant started = Instant.now();
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(out);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(root)) {
            throw new OutputExistsException(out);
        }
        String scenarioFile = spec.scenario().getFileName().toString();
        write(fs, new org.apache.hadoop.fs.Path(root, SweepBundle.SWEEP_FILE), sweepText);
        write(
                fs,
                new org.apache.hadoop.fs.Path(
                        new org.apache.hadoop.fs.Path(root, SweepBundle.SCENARIO_FOLDER), scenarioFile),
                scenarioText);
        JavaRDD<SweepRun> rdd =
                new SparkSweepEngine(spark).runs(spec, scenarioText, points).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            spark.createDataFrame(rdd.flatMap(SparkSweepMain::rows), RUN_SCHEMA)
                    .write()
                    .parquet(new org.apache.hadoop.fs.Path(root, SweepBundle.RUNS_FOLDER).toString());
            List<SweepRun> runs = new ArrayList<>(rdd.collect());
            runs.sort(Comparator.comparingInt(SweepRun::point).thenComparingLong(SweepRun::replication));
            SweepResult result = new SweepResult(spec, points, runs);
            write(fs, new org.apache.hadoop.fs.Path(root, SweepBundle.SUMMARY_FILE), SweepJson.write(result));
            SweepBundle.Manifest manifest = new SweepBundle.Manifest(
                    SweepBundle.FORMAT,
                    GigawattVersion.get(),
                    "Apache Spark " + spark.version() + " ("
                            + spark.sparkContext().master() + ")",
                    spec.origin().fileName(),
                    scenarioFile,
                    Text.sha256(sweepText),
                    Text.sha256(scenarioText),
                    points.size(),
                    spec.replications(),
                    started,
                    Instant.now());
            write(fs, new org.apache.hadoop.fs.Path(root, SweepBundle.MANIFEST), manifest.toJson());
            return result;
        } finally {
            rdd.unpersist(false);
        }
    }

    /** The columns of {@link SweepBundle#RUN_COLUMNS}: one row per run and KPI. */
    static final StructType RUN_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField(SweepBundle.RUN_COLUMNS.get(0), DataTypes.IntegerType, false),
            DataTypes.createStructField(SweepBundle.RUN_COLUMNS.get(1), DataTypes.LongType, false),
            DataTypes.createStructField(SweepBundle.RUN_COLUMNS.get(2), DataTypes.IntegerType, false),
            DataTypes.createStructField(SweepBundle.RUN_COLUMNS.get(3), DataTypes.StringType, false),
            DataTypes.createStructField(SweepBundle.RUN_COLUMNS.get(4), DataTypes.DoubleType, true)));

    /** A run's rows; a value that is not finite is written as null, as the results database keeps it. */
    static Iterator<Row> rows(SweepRun run) {
        List<Row> rows = new ArrayList<>(run.kpis().size());
        int index = 0;
        for (Map.Entry<String, Double> k : run.kpis().entrySet()) {
            double v = k.getValue();
            rows.add(RowFactory.create(
                    run.point(), run.replication(), index++, k.getKey(), Double.isFinite(v) ? v : null));
        }
        return rows.iterator();
    }

    private static void write(FileSystem fs, org.apache.hadoop.fs.Path file, String text) throws IOException {
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean hasMaster() {
        return System.getProperty("spark.master") != null;
    }
}
