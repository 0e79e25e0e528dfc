package dev.gigawatt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/results.md describes the columns of every simulation table as {@link ResultTables.Table#markdown()}
 * generates them from the descriptors, never hand-typed (run with {@code -Dgolden.update=true} to rewrite
 * it), and docs/simulator.md points its CSV files at that one reference instead of describing the columns
 * a second time.
 */
class ResultTablesDocTest {
    private static final Path RESULTS = Path.of("../docs/results.md");
    private static final Path SIMULATOR = Path.of("../docs/simulator.md");

    private static String generated(ResultTables.Table<?> table) {
        return "\n<a id=\"table-" + table.name() + "\"></a>\n\n### `" + table.name() + "` — " + table.doc() + "\n\n"
                + table.markdown() + "\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"site_hourly", "jobs", "job_events", "services"})
    void resultsDoc_columnReference_isTheGeneratedOne(String name) throws IOException {
        ResultTables.Table<?> table = ResultTables.SIMULATION.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        String doc = Files.readString(RESULTS, StandardCharsets.UTF_8);
        String begin = "<!-- columns:" + name + ":begin -->\n";
        String end = "<!-- columns:" + name + ":end -->";
        int b = doc.indexOf(begin);
        int e = doc.indexOf(end);
        assertThat(b).as(begin).isNotNegative();
        assertThat(e).as(end).isGreaterThan(b);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(
                    RESULTS,
                    doc.substring(0, b + begin.length()) + generated(table) + doc.substring(e),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc.substring(b + begin.length(), e)).isEqualTo(generated(table));
        for (String column : table.columnNames()) {
            assertThat(table.markdown()).contains("| `" + column + "` | ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"site_hourly", "jobs", "job_events", "services"})
    void simulatorDoc_csvFile_pointsAtTheOneColumnReference(String name) throws IOException {
        String doc = Files.readString(SIMULATOR, StandardCharsets.UTF_8);
        assertThat(doc).contains("`" + name + ".csv`").contains("](results.md#table-" + name + ")");
    }

    @Test
    void markdown_givesEveryColumnItsSqlTypeAndUnit() {
        assertThat(ResultTables.SITE_HOURLY.markdown())
                .startsWith("| column | type | unit | meaning |\n|---|---|---|---|\n")
                .contains("| `facility_energy_mwh` | DOUBLE | MWh | ")
                .contains("| `time` | TIMESTAMP |  | ");
        assertThat(ResultTables.JOBS.markdown()).contains("| `accelerators` | BIGINT | accelerators | ");
    }
}
