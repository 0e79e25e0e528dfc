package dev.gigawatt.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
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
import java.util.List;
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

    @Test
    void write_cellWithCommaQuoteCrAndLf_roundTripsThroughACsvReader(@TempDir Path dir) throws IOException {
        String hostile = "a, \"b\"\rc\nd\r\ne";
        ResultTables.Table<String> table = new ResultTables.Table<>(
                "t",
                "a test table",
                List.of(
                        new ResultTables.Column<>("name", ResultTables.Type.TEXT, "", "A name.", s -> s),
                        new ResultTables.Column<>(
                                "length", ResultTables.Type.DOUBLE, "chars", "Its length.", s -> (double) s.length()),
                        new ResultTables.Column<>(
                                "missing", ResultTables.Type.DOUBLE, "", "Always NaN.", s -> Double.NaN)),
                r -> List.of(hostile, "plain"));
        Path file = dir.resolve("t.csv");

        CsvResultWriter.write(null, table, file);

        List<List<String>> records;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            records = csv.stream().map(CsvRecord::getFields).toList();
        }
        assertThat(records)
                .containsExactly(
                        List.of("name", "length", "missing"),
                        List.of(hostile, "13.0", ""),
                        List.of("plain", "5.0", ""));
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("name,length,missing\r\n\"a, \"\"b\"\"\rc\nd\r\ne\",13.0,\r\nplain,5.0,\r\n");
    }
}
