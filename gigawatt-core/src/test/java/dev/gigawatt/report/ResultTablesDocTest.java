package dev.gigawatt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/results.md (the database tables) and docs/simulator.md (the CSV files) document every column of
 * every simulation table that {@link ResultTables} describes, in the section about that table.
 */
class ResultTablesDocTest {
    private static String section(Path doc, String heading) throws IOException {
        String text = Files.readString(doc);
        int start = text.indexOf(heading);
        assertThat(start).as(heading + " in " + doc).isNotNegative();
        int end = text.indexOf("\n#", start + heading.length());
        int nextFile = text.indexOf(".csv` has", start + heading.length());
        int nextLog = text.indexOf(".csv` is", start + heading.length());
        for (int cut : new int[] {nextFile, nextLog}) {
            if (cut > 0 && (end < 0 || cut < end)) {
                end = text.lastIndexOf('`', cut);
            }
        }
        return text.substring(start, end < 0 ? text.length() : end);
    }

    @ParameterizedTest
    @ValueSource(strings = {"site_hourly", "jobs", "job_events", "services"})
    void everyColumn_isDocumented_inTheDatabaseAndTheCsvReference(String name) throws IOException {
        ResultTables.Table<?> table = ResultTables.SIMULATION.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        String database = section(Path.of("../docs/results.md"), "### `" + name + "`");
        String csv = section(Path.of("../docs/simulator.md"), "`" + name + ".csv`");
        for (String column : table.columnNames()) {
            assertThat(database).as(name + " in docs/results.md").contains("`" + column + "`");
            assertThat(csv).as(name + " in docs/simulator.md").contains("`" + column + "`");
        }
    }
}
