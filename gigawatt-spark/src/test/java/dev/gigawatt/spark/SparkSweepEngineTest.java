package dev.gigawatt.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigawatt.report.SweepJson;
import dev.gigawatt.results.SweepBundleReader;
import dev.gigawatt.sweep.LocalSweepEngine;
import dev.gigawatt.sweep.SweepBundle;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepReader;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine in local[*] mode gives exactly the local engine's results. */
class SparkSweepEngineTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder()
                .master("local[*]")
                .appName("gigawatt-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static final String SCENARIO = """
            name: spark-test
            seed: 9
            horizon: {start: 2025-01-01, end: 2025-01-15}
            sites:
              - {name: a, grid: US-OH, capacity: "50 MW"}
            fleet:
              - {accelerator: H100-SXM, count: 4096, site: a}
            training:
              - {name: j, model: llama-3.1-8b, tokens: 1T, accelerators: 2048, accelerator: H100-SXM}
            reliability: {acceleratorMtbf: "20,000 h"}
            """;

    static final String SWEEP = """
            name: spark-sweep
            scenario: scenario.yaml
            mode: simulate
            design: latin-hypercube
            samples: 4
            replications: 2
            seed: 3
            axes:
              - {path: "sites[a].pue", values: [1.1, 1.3]}
            uncertain:
              - {path: reliability.acceleratorMtbf, distribution: lognormal, median: "20,000 h", sigma: 0.5}
            outputs: [energy_mwh, training_goodput]
            """;

    @Test
    void sparkEngine_matchesLocalEngineExactly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scenario.yaml"), SCENARIO);
        SweepSpec spec = SweepReader.parse(SWEEP, "sweep.yaml", dir);
        List<SweepPoint> points = SweepDesign.points(spec);
        List<SweepRun> local = new LocalSweepEngine(2).run(spec, SCENARIO, points, n -> {});
        List<SweepRun> onSpark = new SparkSweepEngine(spark).run(spec, SCENARIO, points, n -> {});
        assertThat(points).hasSize(8);
        assertThat(onSpark).hasSize(16).isEqualTo(local);
    }

    @Test
    void bundle_readBackByTheImporter_givesTheLocalEnginesSweepExactly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scenario.yaml"), SCENARIO);
        SweepSpec spec = SweepReader.parse(SWEEP, "sweep.yaml", dir);
        List<SweepPoint> points = SweepDesign.points(spec);
        String out = dir.resolve("out").toString();

        SweepResult onSpark = SparkSweepMain.runInto(spark, spec, SWEEP, SCENARIO, points, out);
        SweepBundleReader.Bundle imported = SweepBundleReader.read(Path.of(out));
        SweepResult local = new SweepResult(spec, points, new LocalSweepEngine(1).run(spec, SCENARIO, points, n -> {}));

        assertThat(imported.result().runs()).hasSize(16).isEqualTo(local.runs());
        assertThat(SweepJson.write(imported.result()))
                .isEqualTo(SweepJson.write(local))
                .isEqualTo(SweepJson.write(onSpark))
                .isEqualTo(Files.readString(Path.of(out, SweepBundle.SUMMARY_FILE)));
        assertThat(imported.inputs().manifest().engine()).startsWith("Apache Spark ");
        try (var files = Files.list(Path.of(out, SweepBundle.RUNS_FOLDER))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".parquet")))
                    .as("one file per partition")
                    .hasSizeGreaterThan(1);
        }
        assertThatThrownBy(() -> SparkSweepMain.runInto(spark, spec, SWEEP, SCENARIO, points, out))
                .isInstanceOf(SparkSweepMain.OutputExistsException.class)
                .hasMessageContaining("exists");
    }
}
