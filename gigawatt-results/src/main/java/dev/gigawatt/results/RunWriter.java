package dev.gigawatt.results;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.CatalogEntry;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.report.Kpis;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.scenario.TrainingJob;
import dev.gigawatt.sim.JobEvent;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
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
        try (DuckDBAppender a = appender("site_hourly")) {
            for (SiteSeries s : r.sites()) {
                for (int h = 0; h < s.hours(); h++) {
                    a.beginRow().append(runId).append(s.name()).append(h).appendNull();
                    num(
                            a,
                            s.itEnergyMwh(h),
                            s.facilityEnergyMwh(h),
                            s.capacityMw(h),
                            s.co2eTonnesLocation(h),
                            s.co2eTonnesMarket(h),
                            s.waterM3(h),
                            s.trainingGpuHours(h),
                            s.servingGpuHours(h),
                            s.idleGpuHours(h),
                            s.repairGpuHours(h));
                    a.append(s.runningJobs(h));
                    num(a, s.servedTokens(h), s.demandTokens(h), s.energyCostUsd(h), s.trainingThroughput(h));
                    a.endRow();
                }
            }
        }
        try (DuckDBAppender a = appender("jobs")) {
            for (JobRecord j : r.jobs()) {
                a.beginRow()
                        .append(runId)
                        .append(j.name())
                        .append(j.mix())
                        .append(j.site())
                        .append(j.accelerator())
                        .append(j.gpus());
                num(a, j.submitSeconds() / 3600, j.startSeconds() / 3600, j.endSeconds() / 3600);
                a.append(j.completed()).append(j.interruptions()).append(j.preemptions());
                num(a, j.lostGpuHours(), j.gpuHours(), j.ettr(), j.progress(), j.usefulGpuHours());
                a.endRow();
            }
        }
        try (DuckDBAppender a = appender("job_events")) {
            for (JobEvent e : r.jobEvents()) {
                a.beginRow().append(runId);
                num(a, e.timeSeconds() / 3600);
                a.append(e.job()).append(e.kind());
                num(a, e.lostGpuHours());
                a.endRow();
            }
        }
        try (DuckDBAppender a = appender("services")) {
            for (ServiceRecord s : r.services()) {
                a.beginRow()
                        .append(runId)
                        .append(s.name())
                        .append(s.site())
                        .append(s.accelerator())
                        .append(s.parallelism())
                        .append(s.replicasAtPeak());
                num(a, s.demandTokens(), s.servedTokens(), s.unmetTokens());
                a.append(s.hours()).append(s.hoursMet());
                num(a, s.sloAttainment());
                a.endRow();
            }
        }
    }

    void sweep(dev.gigawatt.sweep.SweepResult result) throws SQLException {
        try (DuckDBAppender a = appender("sweep_points")) {
            for (var p : result.points()) {
                for (var e : p.values().entrySet()) {
                    a.beginRow()
                            .append(runId)
                            .append(p.index())
                            .append(e.getKey())
                            .append(e.getValue());
                    num(a, p.numbers().getOrDefault(e.getKey(), Double.NaN));
                    a.endRow();
                }
            }
        }
        try (DuckDBAppender a = appender("sweep_runs")) {
            for (var r : result.runs()) {
                for (var k : r.kpis().entrySet()) {
                    a.beginRow()
                            .append(runId)
                            .append(r.point())
                            .append(r.replication())
                            .append(k.getKey());
                    num(a, k.getValue());
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
                num(a, k.value());
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

    private static void num(DuckDBAppender a, double... values) throws SQLException {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.append(v);
            } else {
                a.appendNull();
            }
        }
    }
}
