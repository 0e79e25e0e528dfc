package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.fixtures.TestScenarios;
import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import dev.gigawatt.sim.SimulationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    static Scenario scenario() {
        return ScenarioReader.parse(TestScenarios.WEEK, "store-test.yaml", Catalog.builtIn());
    }

    static RunInfo info() {
        return new RunInfo(
                "store-test.yaml",
                TestScenarios.WEEK,
                Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:04:06Z"));
    }

    @Test
    void recordSimulation_isListedWithItsRowsAndKpis(@TempDir Path dir) {
        Scenario s = scenario();
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        try (ResultsStore store = ResultsStore.open(dir.resolve("db.duckdb"), false)) {
            String id = store.recordSimulation(info(), s, r);
            assertThat(store.runs()).extracting(RunSummary::runId).containsExactly(id);
            RunSummary run = store.run(id.substring(0, 18)).orElseThrow();
            assertThat(run.kind()).isEqualTo("simulate");
            assertThat(run.scenarioSha256()).isEqualTo(RunRecorder.sha256(TestScenarios.WEEK));
            QueryResult hourly =
                    store.query("SELECT count(*), sum(facility_energy_mwh), min(time) FROM site_hourly WHERE run_id = '"
                            + id + "'");
            assertThat(hourly.rows().get(0).get(0)).isEqualTo(String.valueOf(7 * 24));
            assertThat(Double.parseDouble(hourly.rows().get(0).get(1)))
                    .isCloseTo(r.totalFacilityEnergyMwh(), within(1e-6));
            assertThat(hourly.rows().get(0).get(2)).startsWith("2025-01-01");
            assertThat(store.kpis(id)).anySatisfy(k -> {
                assertThat(k.name()).isEqualTo("energy_mwh");
                assertThat(k.value()).isCloseTo(r.totalFacilityEnergyMwh(), within(1e-6));
            });
            assertThat(store.query("SELECT count(*) FROM sources WHERE run_id = '" + id + "' AND name = 'H100-SXM'")
                            .rows()
                            .get(0)
                            .get(0))
                    .isNotEqualTo("0");
        }
    }

    @Test
    void recordPlan_andRemove(@TempDir Path dir) {
        Scenario s = scenario();
        try (ResultsStore store = ResultsStore.open(dir.resolve("db.duckdb"), false)) {
            String id = store.recordPlan(info(), s, new Planner(Assumptions.builtIn()).plan(s));
            assertThat(store.run(id).orElseThrow().kind()).isEqualTo("plan");
            assertThat(store.kpis(id)).extracting(Kpis.Kpi::name).contains("capex_usd", "usd_per_gpu_hour");
            assertThat(store.remove(id)).isTrue();
            assertThat(store.runs()).isEmpty();
            assertThat(store.query("SELECT count(*) FROM kpis").rows().get(0).get(0))
                    .isEqualTo("0");
            assertThat(store.remove(id)).isFalse();
        }
    }

    @Test
    void exportParquet_isReadableBack(@TempDir Path dir) {
        Scenario s = scenario();
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        try (ResultsStore store = ResultsStore.open(dir.resolve("db.duckdb"), false)) {
            String id = store.recordSimulation(info(), s, r);
            store.exportParquet(id, dir.resolve("export"));
            Path file = dir.resolve("export").resolve("site_hourly.parquet");
            assertThat(Files.exists(file)).isTrue();
            QueryResult back = store.query("SELECT count(*) FROM read_parquet('" + file.toAbsolutePath() + "')");
            assertThat(back.rows().get(0).get(0)).isEqualTo(String.valueOf(7 * 24));
        }
    }

    @Test
    void exportTable_fromReadOnlyStore_writesCsvAndJsonOfThatRunOnly(@TempDir Path dir) throws Exception {
        Scenario s = scenario();
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        Path db = dir.resolve("db.duckdb");
        String id;
        try (ResultsStore store = ResultsStore.open(db, false)) {
            id = store.recordSimulation(info(), s, r);
            store.recordSimulation(info(), s, r);
        }
        try (ResultsStore store = ResultsStore.open(db, true)) {
            Path csv = dir.resolve("site_hourly.csv");
            store.exportTable(id, "site_hourly", ExportFormat.CSV, csv);
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).startsWith("run_id,site,hour,time,it_energy_mwh,facility_energy_mwh");
            assertThat(lines).hasSize(1 + 7 * 24);
            assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith(id + ","));

            Path json = dir.resolve("kpis.json");
            store.exportTable(id, "kpis", ExportFormat.JSON, json);
            assertThat(Files.readString(json).strip()).startsWith("[").endsWith("]");
            QueryResult back = store.query("SELECT count(*), min(run_id), max(run_id) FROM read_json('"
                    + json.toAbsolutePath() + "', format = 'array')");
            assertThat(back.rows().get(0))
                    .containsExactly(String.valueOf(store.kpis(id).size()), id, id);

            assertThatThrownBy(() -> store.exportTable(id, "runs", ExportFormat.CSV, dir.resolve("runs.csv")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("site_hourly");
        }
    }

    @Test
    void readOnly_rejectsWrites(@TempDir Path dir) {
        Path db = dir.resolve("db.duckdb");
        ResultsStore.open(db, false).close();
        try (ResultsStore store = ResultsStore.open(db, true)) {
            assertThatThrownBy(() -> store.query("DELETE FROM runs")).isInstanceOf(StoreException.class);
        }
    }
}
