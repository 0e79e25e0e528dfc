package dev.gigawatt.results;

import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.sweep.SweepRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads recorded runs back: listings, lookups by id prefix, KPIs, summaries, trusted SQL and Parquet export. */
final class RunQueries {
    /** The tables {@link #exportParquet} writes, each as {@code <table>.parquet}. */
    static final List<String> EXPORTED_TABLES =
            List.of("site_hourly", "jobs", "job_events", "services", "kpis", "sweep_points", "sweep_runs");

    private final StoreConnection connection;

    RunQueries(StoreConnection connection) {
        this.connection = connection;
    }

    List<RunSummary> runs() {
        return selectRuns("SELECT * FROM runs ORDER BY started_at DESC, run_id DESC", null);
    }

    Optional<RunSummary> run(String idOrPrefix) {
        List<RunSummary> matches =
                selectRuns("SELECT * FROM runs WHERE run_id LIKE ? ORDER BY run_id", idOrPrefix + "%");
        for (RunSummary r : matches) {
            if (r.runId().equals(idOrPrefix)) {
                return Optional.of(r);
            }
        }
        if (matches.size() > 1) {
            throw new StoreException("run id prefix '" + idOrPrefix + "' matches " + matches.size() + " runs", null);
        }
        return matches.stream().findFirst();
    }

    List<Kpis.Kpi> kpis(String runId) {
        List<Kpis.Kpi> out = new ArrayList<>();
        try (PreparedStatement ps = connection
                .jdbc()
                .prepareStatement("SELECT name, value, unit FROM kpis WHERE run_id = ? ORDER BY rowid")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(2);
                    out.add(new Kpis.Kpi(rs.getString(1), rs.wasNull() ? Double.NaN : v, rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read KPIs: " + StoreConnection.firstLine(e), e);
        }
        return out;
    }

    /** The recorded runs of a sweep, by point then replication, each run's KPIs in recording order. */
    List<SweepRun> sweepRuns(String runId) {
        List<SweepRun> out = new ArrayList<>();
        try (PreparedStatement ps = connection
                .jdbc()
                .prepareStatement("SELECT point, replication, kpi, value FROM sweep_runs WHERE run_id = ?"
                        + " ORDER BY point, replication, rowid")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                int point = -1;
                long replication = -1;
                Map<String, Double> kpis = new LinkedHashMap<>();
                while (rs.next()) {
                    int p = rs.getInt(1);
                    long r = rs.getLong(2);
                    if ((p != point || r != replication) && point >= 0) {
                        out.add(new SweepRun(point, replication, kpis));
                        kpis = new LinkedHashMap<>();
                    }
                    point = p;
                    replication = r;
                    double v = rs.getDouble(4);
                    kpis.put(rs.getString(3), rs.wasNull() ? Double.NaN : v);
                }
                if (point >= 0) {
                    out.add(new SweepRun(point, replication, kpis));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the runs of sweep " + runId + ": " + StoreConnection.firstLine(e), e);
        }
        return out;
    }

    String[] summary(String runId) {
        try (PreparedStatement ps =
                connection.jdbc().prepareStatement("SELECT summary_json, scenario_text FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("no run " + runId, null);
                }
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read run " + runId + ": " + StoreConnection.firstLine(e), e);
        }
    }

    QueryResult trusted(String sql) {
        try (Statement s = connection.jdbc().createStatement()) {
            if (!s.execute(sql)) {
                return new QueryResult(List.of("rows changed"), List.of(List.of(String.valueOf(s.getUpdateCount()))));
            }
            try (ResultSet rs = s.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    columns.add(rs.getMetaData().getColumnLabel(i));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v == null ? null : v.toString());
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }
        } catch (SQLException e) {
            throw new StoreException(StoreConnection.firstLine(e), e);
        }
    }

    List<Path> exportParquet(String runId, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot export run " + runId + " to Parquet: " + e.getMessage(), e);
        }
        for (String table : EXPORTED_TABLES) {
            Path target = dir.resolve(table + ".parquet").toAbsolutePath();
            exportTable(runId, table, ExportFormat.PARQUET, target);
            written.add(target);
        }
        return written;
    }

    void exportTable(String runId, String table, ExportFormat format, Path file) {
        if (!EXPORTED_TABLES.contains(table)) {
            throw new IllegalArgumentException("no exported table " + table + "; the tables are " + EXPORTED_TABLES);
        }
        try (Statement s = connection.jdbc().createStatement()) {
            s.execute("COPY (SELECT * FROM " + table + " WHERE run_id = '" + runId.replace("'", "''")
                    + "' ORDER BY ALL) TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' "
                    + format.copyOptions());
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot export run " + runId + " to " + format + ": " + StoreConnection.firstLine(e), e);
        }
    }

    private List<RunSummary> selectRuns(String sql, String parameter) {
        List<RunSummary> out = new ArrayList<>();
        try (PreparedStatement ps = connection.jdbc().prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunSummary(
                            rs.getString("run_id"),
                            rs.getString("kind"),
                            rs.getString("scenario"),
                            rs.getString("scenario_file"),
                            rs.getString("scenario_sha256"),
                            rs.getLong("seed"),
                            rs.getLong("replication"),
                            rs.getString("gigawatt_version"),
                            rs.getTimestamp("started_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                            rs.getTimestamp("finished_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                            rs.getString("status")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list runs: " + StoreConnection.firstLine(e), e);
        }
        return out;
    }
}
