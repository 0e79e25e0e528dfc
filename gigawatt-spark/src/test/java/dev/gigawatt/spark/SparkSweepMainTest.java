package dev.gigawatt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point checks a sweep as the CLI does, before any Spark work. */
class SparkSweepMainTest {
    @Test
    @Timeout(60)
    void main_pointInvalidForTheScenario_exit2BeforeSparkStarts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scenario.yaml"), SparkSweepEngineTest.SCENARIO, StandardCharsets.UTF_8);
        Path sweep = Files.writeString(dir.resolve("sweep.yaml"), """
                name: bad
                scenario: scenario.yaml
                mode: plan
                axes:
                  - path: sites[a].pue
                    values: [1.2, 0.5]
                """, StandardCharsets.UTF_8);
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.gigawatt.spark.SparkSweepMain",
                        sweep.toString(),
                        dir.resolve("out").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("error:", "scenario.yaml", "sweep point 1").doesNotContain("SparkContext");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
