package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Databases of earlier and later schema versions, opened by this build. */
class ResultsStoreMigrationTest {
    private static final String OLD_RUN = "20250101-000000-abcdef";

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("db.duckdb");
    }

    /** Runs {@code sql} on the database file directly, as another program (or an older gigawatt) would. */
    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db().toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void writeVersionOneDatabase() throws IOException, SQLException {
        try (InputStream in = getClass().getResourceAsStream("schema-v1-database.sql")) {
            execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<List<String>> rows(ResultsStore store, String sql) {
        return store.query(sql).rows();
    }

    @Test
    void open_versionOneDatabase_migratesKeepingOldRowsAndRecordsNewRuns() throws Exception {
        writeVersionOneDatabase();
        try (ResultsStore store = ResultsStore.open(db(), false)) {
            assertThat(rows(store, "SELECT version, gigawatt_version IS NULL FROM schema_version ORDER BY version"))
                    .containsExactly(List.of("1", "true"), List.of("2", "false"));
            assertThat(rows(
                            store,
                            "SELECT job, gpu_hours, useful_gpu_hours FROM jobs WHERE run_id = '" + OLD_RUN + "'"))
                    .containsExactly(Arrays.asList("old-job", "1024.0", null));
            assertThat(store.runs()).extracting(RunSummary::runId).containsExactly(OLD_RUN);
            assertThat(store.kpis(OLD_RUN))
                    .containsExactly(new dev.gigawatt.metrics.Kpis.Kpi("energy_mwh", 12.5, "MWh"));

            Scenario s = ResultsStoreTest.scenario();
            String id = store.recordSimulation(
                    ResultsStoreTest.info(),
                    s,
                    FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO)));
            assertThat(store.run(id).orElseThrow().kind()).isEqualTo("simulate");
            assertThat(rows(store, "SELECT count(*), count(useful_gpu_hours) FROM jobs WHERE run_id = '" + id + "'")
                            .get(0))
                    .allSatisfy(n -> assertThat(Long.parseLong(n)).isPositive());
        }
        try (ResultsStore store = ResultsStore.open(db(), true)) {
            assertThat(store.runs()).hasSize(2);
        }
    }

    @Test
    void open_newDatabase_isAtTheCurrentVersionWithTheWritersColumns() throws Exception {
        try (ResultsStore store = ResultsStore.open(db(), false)) {
            assertThat(rows(store, "SELECT max(version) FROM schema_version"))
                    .containsExactly(List.of(String.valueOf(SchemaMigrations.CURRENT)));
            for (var table : TableColumns.TABLES.entrySet()) {
                assertThat(SchemaMigrations.columns(store.connection(), table.getKey()))
                        .as(table.getKey())
                        .isEqualTo(table.getValue());
            }
        }
    }

    @Test
    void open_unversionedVersionTwoDatabase_isAdoptedAsVersionTwo() throws Exception {
        writeVersionOneDatabase();
        execute("ALTER TABLE jobs ADD COLUMN useful_gpu_hours DOUBLE");
        try (ResultsStore store = ResultsStore.open(db(), false)) {
            assertThat(rows(store, "SELECT version, gigawatt_version FROM schema_version ORDER BY version"))
                    .containsExactly(Arrays.asList("1", null), Arrays.asList("2", null));
            assertThat(store.runs()).extracting(RunSummary::runId).containsExactly(OLD_RUN);
        }
    }

    @Test
    void open_databaseOfANewerSchema_isRefusedAndLeftAsItWas() throws Exception {
        ResultsStore.open(db(), false).close();
        execute("INSERT INTO schema_version VALUES (3, TIMESTAMP '2030-01-01 00:00:00', '9.9.9')");
        String expected = "was written by a newer gigawatt (schema 3); this one reads up to 2";
        assertThatThrownBy(() -> ResultsStore.open(db(), false))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(expected)
                .hasMessageStartingWith("the results database " + db());
        assertThatThrownBy(() -> ResultsStore.open(db(), true)).hasMessageContaining(expected);
        assertThatThrownBy(() -> ResultsStore.openForQuery(db())).hasMessageContaining(expected);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db().toAbsolutePath())) {
            assertThat(SchemaMigrations.version(c)).isEqualTo(3);
        }
    }

    @Test
    void migrate_stepThatFails_leavesTheDatabaseAtItsOldVersion() throws Exception {
        writeVersionOneDatabase();
        List<SchemaMigrations.Migration> failing = List.of(
                SchemaMigrations.MIGRATIONS.get(0),
                new SchemaMigrations.Migration(
                        2, "ALTER TABLE jobs ADD COLUMN useful_gpu_hours DOUBLE; SELECT * FROM no_such_table"));
        try (StoreConnection c = StoreConnection.open(db(), false, new Properties())) {
            assertThatThrownBy(() -> SchemaMigrations.migrate(c, failing)).isInstanceOf(SQLException.class);
        }
        try (StoreConnection c = StoreConnection.open(db(), true, new Properties())) {
            assertThat(SchemaMigrations.version(c.jdbc())).isEqualTo(1);
            assertThat(SchemaMigrations.columns(c.jdbc(), "schema_version")).isEmpty();
            assertThat(SchemaMigrations.columns(c.jdbc(), "jobs")).doesNotContain("useful_gpu_hours");
        }
        try (ResultsStore store = ResultsStore.open(db(), false)) {
            assertThat(rows(store, "SELECT max(version) FROM schema_version")).containsExactly(List.of("2"));
        }
    }

    @Test
    void open_tableWithColumnsInAnotherOrder_isRefused() throws Exception {
        ResultsStore.open(db(), false).close();
        execute("DROP TABLE kpis; CREATE TABLE kpis (run_id VARCHAR, value DOUBLE, name VARCHAR, unit VARCHAR)");
        assertThatThrownBy(() -> ResultsStore.open(db(), false))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has table kpis with columns [run_id, value, name, unit] where schema 2 has"
                        + " [run_id, name, value, unit]");
    }
}
