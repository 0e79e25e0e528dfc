package dev.gigawatt.results;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.CatalogEntry;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.report.ResultTables;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.scenario.TrainingJob;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one run's rows with DuckDB appenders, inside the caller's transaction. Appenders fill columns
 * by position, in {@link TableColumns}' order, which opening the database checks.
 */
final class RunWriter {
    /*
     * Appenders rather than INSERTs naming their columns, for speed: 26,280 site_hourly rows (three
     * site-years, as meta-2025 writes) take 20-50 ms appended and about 7 s as one batched named
     * INSERT with the DuckDB JDBC driver 1.4.2.
     */
    private final Connection connection;
    private final String runId;

    RunWriter(Connection connection, String runId) {
        this.connection = connection;
        this.runId = runId;
    }

    private DuckDBAppender appender(String table) throws SQLException {
        return connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    void simulation(SimulationResult r) throws SQLException {
        for (ResultTables.Table<?> table : ResultTables.SIMULATION) {
            append(r, table);
        }
    }

    private <R> void append(SimulationResult r, ResultTables.Table<R> table) throws SQLException {
        List<ResultTables.Column<R>> columns = table.columns();
        try (DuckDBAppender a = appender(table.name())) {
            for (R row : table.rows().apply(r)) {
                a.beginRow().append(runId);
                for (ResultTables.Column<R> column : columns) {
                    Object v = column.value().apply(row);
                    switch (column.type()) {
                        case TEXT -> a.append((String) v);
                        case INTEGER -> a.append(((Number) v).intValue());
                        case BIGINT -> a.append(((Number) v).longValue());
                        case DOUBLE -> number(a, ((Number) v).doubleValue());
                        case BOOLEAN -> a.append((Boolean) v);
                        // Filled from the hour index by setTimes once the rows are in.
                        case TIMESTAMP -> a.appendNull();
                    }
                }
                a.endRow();
            }
        }
    }

    void sweep(SweepResult result) throws SQLException {
        sweepPoints(result.points());
        sweepRuns(result.runs());
    }

    /** The sweep's points and their values. */
    void sweepPoints(List<SweepPoint> points) throws SQLException {
        try (DuckDBAppender a = appender("sweep_points")) {
            for (var p : points) {
                for (var e : p.values().entrySet()) {
                    a.beginRow()
                            .append(runId)
                            .append(p.index())
                            .append(e.getKey())
                            .append(e.getValue());
                    number(a, p.numbers().getOrDefault(e.getKey(), Double.NaN));
                    a.endRow();
                }
            }
        }
    }

    /** The KPIs of finished runs of the sweep. */
    void sweepRuns(List<SweepRun> runs) throws SQLException {
        try (DuckDBAppender a = appender("sweep_runs")) {
            for (var r : runs) {
                for (var k : r.kpis().entrySet()) {
                    a.beginRow()
                            .append(runId)
                            .append(r.point())
                            .append(r.replication())
                            .append(k.getKey());
                    number(a, k.getValue());
                    a.endRow();
                }
            }
        }
    }

    /** Fills the timestamp column from the hour index once the rows are in. */
    void setTimes(LocalDate start) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE site_hourly SET time = CAST(? AS TIMESTAMP) + to_hours(hour) WHERE run_id = ?")) {
            ps.setString(1, start + " 00:00:00");
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    void kpis(List<Kpis.Kpi> kpis) throws SQLException {
        try (DuckDBAppender a = appender("kpis")) {
            for (Kpis.Kpi k : kpis) {
                a.beginRow().append(runId).append(k.name());
                number(a, k.value());
                a.append(k.unit()).endRow();
            }
        }
    }

    /** The source of every catalog figure the scenario uses, one row per entry and one per estimated field. */
    void sources(Scenario scenario) throws SQLException {
        Map<String, CatalogEntry> used = new LinkedHashMap<>();
        for (Deployment d : scenario.fleet()) {
            used.putIfAbsent("accelerator/" + d.accelerator().name(), d.accelerator());
            used.putIfAbsent("server/" + d.server().name(), d.server());
        }
        for (Site s : scenario.sites()) {
            used.putIfAbsent("grid/" + s.grid().name(), s.grid());
            if (!s.cooling().isEmpty()) {
                scenario.catalog()
                        .cooling()
                        .find(s.cooling())
                        .ifPresent(c -> used.putIfAbsent("cooling/" + c.name(), c));
            }
        }
        for (TrainingJob j : scenario.training()) {
            addModel(used, j.model());
            addAccelerator(used, j.accelerator());
        }
        for (InferenceService i : scenario.inference()) {
            addModel(used, i.model());
            if (i.accelerator() != null) {
                addAccelerator(used, i.accelerator());
            }
        }
        try (DuckDBAppender a = appender("sources")) {
            for (Map.Entry<String, CatalogEntry> e : used.entrySet()) {
                String kind = e.getKey().substring(0, e.getKey().indexOf('/'));
                CatalogEntry entry = e.getValue();
                a.beginRow()
                        .append(runId)
                        .append(kind)
                        .append(entry.name())
                        .append("")
                        .append(entry.provenance().source())
                        .append(false)
                        .endRow();
                for (Map.Entry<String, String> est :
                        entry.provenance().sortedEstimates().entrySet()) {
                    a.beginRow()
                            .append(runId)
                            .append(kind)
                            .append(entry.name())
                            .append(est.getKey())
                            .append(est.getValue())
                            .append(true)
                            .endRow();
                }
            }
        }
    }

    private static void addModel(Map<String, CatalogEntry> used, ModelSpec m) {
        used.putIfAbsent("model/" + m.name(), m);
    }

    private static void addAccelerator(Map<String, CatalogEntry> used, Accelerator a) {
        used.putIfAbsent("accelerator/" + a.name(), a);
    }

    private static void number(DuckDBAppender a, double v) throws SQLException {
        if (Double.isFinite(v)) {
            a.append(v);
        } else {
            a.appendNull();
        }
    }
}
