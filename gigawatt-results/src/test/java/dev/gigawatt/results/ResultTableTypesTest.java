package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.report.ResultTables;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrated database stores each simulation column with the type its descriptor gives. */
class ResultTableTypesTest {
    @Test
    void migratedSchema_hasTheDescriptorsColumnsAndTypes(@TempDir Path dir) throws SQLException {
        try (ResultsStore store = ResultsStore.open(dir.resolve("db.duckdb"), false)) {
            for (ResultTables.Table<?> table : ResultTables.SIMULATION) {
                List<String> expected = new ArrayList<>(List.of("run_id VARCHAR"));
                table.columns()
                        .forEach(c -> expected.add(c.name() + " " + c.type().sql()));
                List<String> actual = new ArrayList<>();
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                                + " WHERE table_name = ? ORDER BY ordinal_position")) {
                    ps.setString(1, table.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            actual.add(rs.getString(1) + " " + rs.getString(2));
                        }
                    }
                }
                assertThat(actual).as(table.name()).containsExactlyElementsOf(expected);
            }
        }
    }
}
