package dev.gigawatt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import dev.gigawatt.sim.SimulationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's CSV files follow RFC 4180: CRLF line breaks, quoting only where a cell needs it. */
class CsvResultWriterTest {
    private static final String SCENARIO = """
            name: csv
            seed: 1
            horizon: {start: 2025-01-01, duration: "2 days"}
            sites:
              - {name: "a, the \\"big\\" one", grid: US-OH, capacity: "10 MW"}
            fleet:
              - {accelerator: H100-SXM, count: 1024, site: "a, the \\"big\\" one"}
            training:
              - {name: j, model: llama-3.1-8b, tokens: 10B, accelerators: 512, accelerator: H100-SXM}
            """;

    @Test
    void writeFiles_nameWithCommaAndQuotes_isQuotedAndLinesEndInCrLf(@TempDir Path dir) throws IOException {
        SimulationResult r = FleetSimulator.simulate(
                ScenarioReader.parse(SCENARIO, "csv.yaml", Catalog.builtIn()),
                SimulationOptions.of(SchedulingPolicy.FIFO));

        new CsvResultWriter().writeFiles(r, dir);

        String hourly = Files.readString(dir.resolve("site_hourly.csv"), StandardCharsets.UTF_8);
        assertThat(hourly).startsWith("site,hour,time,it_energy_mwh,").contains("\r\n\"a, the \"\"big\"\" one\",0,");
        assertThat(hourly.split("\r\n", -1)).hasSize(1 + 48 + 1).endsWith("");
        assertThat(hourly.replace("\r\n", "")).doesNotContain("\n", "\r");
        String jobs = Files.readString(dir.resolve("jobs.csv"), StandardCharsets.UTF_8);
        assertThat(jobs).contains("\r\nj,,\"a, the \"\"big\"\" one\",H100-SXM,512,");
    }
}
