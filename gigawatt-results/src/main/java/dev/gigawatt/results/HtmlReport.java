package dev.gigawatt.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the self-contained HTML report of a recorded run: one file with Apache ECharts and the
 * run's data inlined, which opens offline in any browser. The page renders headline KPIs, power
 * against capacity, utilisation, energy, water and CO2e by site and month, cost, the training
 * timeline, SLO attainment, the scenario and the sources of every catalog figure used.
 */
public final class HtmlReport {
    private static final String ECHARTS = "/META-INF/resources/_static/echarts/6.0.0/dist/echarts.min.js";

    /** Run times are recorded in UTC; the report shows them to the second. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private HtmlReport() {}

    /** Writes the report of {@code runId} to {@code out}, atomically (a temporary file renamed into place). */
    public static void write(ResultsStore store, String runId, Path out) throws IOException {
        String html = render(store, runId);
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Created with the usual permissions (the umask applies), unlike Files.createTempFile's 600.
        Path temp = target.resolveSibling("." + target.getFileName() + ".partial-"
                + HexFormat.of()
                        .formatHex(ByteBuffer.allocate(8)
                                .putLong(System.nanoTime())
                                .array()));
        Files.createFile(temp);
        try {
            Files.writeString(temp, html, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The report as HTML text. */
    public static String render(ResultsStore store, String runId) {
        String template = resource("report.html", HtmlReport.class);
        String echarts = resource(ECHARTS, HtmlReport.class);
        // Inside <script> only "<" can end or confuse the block ("</script", "<!--"); in JSON it occurs only
        // inside strings, where the escape backslash-u003c means the same character.
        String data = data(store.connection(), runId).replace("<", "\\u003c");
        return template.replace("/*ECHARTS*/", echarts.replace("</script", "<\\/script"))
                .replace("/*DATA*/", data);
    }

    private static String data(Connection c, String runId) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            String kind;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM runs WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no run " + runId, null);
                    }
                    kind = rs.getString("kind");
                    g.writeStringField("runId", runId);
                    g.writeStringField("kind", kind);
                    g.writeStringField("scenario", rs.getString("scenario"));
                    g.writeStringField("scenarioFile", rs.getString("scenario_file"));
                    g.writeStringField("scenarioSha256", rs.getString("scenario_sha256"));
                    g.writeStringField("scenarioText", rs.getString("scenario_text"));
                    g.writeStringField(
                            "started",
                            rs.getTimestamp("started_at").toLocalDateTime().format(SECONDS) + " UTC");
                    g.writeNumberField("seed", rs.getLong("seed"));
                    g.writeNumberField("replication", rs.getLong("replication"));
                    g.writeStringField("version", rs.getString("gigawatt_version"));
                    g.writeFieldName("summary");
                    g.writeRawValue(rs.getString("summary_json"));
                }
            }
            sources(c, runId, g);
            if ("simulate".equals(kind)) {
                daily(c, runId, g);
                monthly(c, runId, g);
                timeline(c, runId, g);
                mixes(c, runId, g);
                SimulationSeries.write(c, runId, g);
            } else if ("sweep".equals(kind)) {
                SweepSeries.write(c, runId, g);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot read run " + runId + " for its report: " + StoreConnection.firstLine(e), e);
        }
        return out.toString();
    }

    private static void sources(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        g.writeArrayFieldStart("sources");
        for (Object[] r : rows(
                c, "SELECT kind, name, field, source, estimate FROM sources WHERE run_id = ? ORDER BY rowid", runId)) {
            g.writeStartObject();
            g.writeStringField("kind", (String) r[0]);
            g.writeStringField("name", (String) r[1]);
            g.writeStringField("field", (String) r[2]);
            g.writeStringField("source", (String) r[3]);
            g.writeBooleanField("estimate", Boolean.TRUE.equals(r[4]));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void daily(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        List<Object[]> rows = rows(c, """
                SELECT site, CAST(CAST(time AS DATE) AS VARCHAR) AS day, max(facility_energy_mwh), max(capacity_mw),
                       sum(training_gpu_hours + serving_gpu_hours)
                           / nullif(sum(training_gpu_hours + serving_gpu_hours + idle_gpu_hours + repair_gpu_hours), 0),
                       min(training_throughput), sum(demand_tokens), sum(served_tokens), min(rowid)
                FROM site_hourly WHERE run_id = ? GROUP BY site, day ORDER BY min(rowid)""", runId);
        Map<String, List<Object[]>> bySite = new LinkedHashMap<>();
        List<String> days = new ArrayList<>();
        Map<String, double[]> tokens = new LinkedHashMap<>();
        for (Object[] r : rows) {
            bySite.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
            String day = (String) r[1];
            if (!days.contains(day)) {
                days.add(day);
            }
            double[] t = tokens.computeIfAbsent(day, k -> new double[2]);
            t[0] += num(r[6]);
            t[1] += num(r[7]);
        }
        g.writeObjectFieldStart("daily");
        g.writeArrayFieldStart("days");
        for (String d : days) {
            g.writeString(d);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sites");
        for (Map.Entry<String, List<Object[]>> e : bySite.entrySet()) {
            g.writeStartObject();
            g.writeStringField("name", e.getKey());
            column(g, "peakMw", e.getValue(), 2, 1);
            column(g, "capacityMw", e.getValue(), 3, 1);
            column(g, "utilisation", e.getValue(), 4, 4);
            g.writeArrayFieldStart("cappedDays");
            for (Object[] r : e.getValue()) {
                if (num(r[5]) < 1) {
                    g.writeString((String) r[1]);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("demandTokens");
        for (double[] t : tokens.values()) {
            g.writeNumber(Math.round(t[0]));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("servedTokens");
        for (double[] t : tokens.values()) {
            g.writeNumber(Math.round(t[1]));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void monthly(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        List<Object[]> rows = rows(c, """
                SELECT site, strftime(time, '%Y-%m') AS month, sum(facility_energy_mwh), sum(water_m3),
                       sum(co2e_tonnes_location), sum(co2e_tonnes_market), sum(energy_cost_usd), min(rowid)
                FROM site_hourly WHERE run_id = ? GROUP BY site, month ORDER BY min(rowid)""", runId);
        Map<String, List<Object[]>> bySite = new LinkedHashMap<>();
        List<String> months = new ArrayList<>();
        for (Object[] r : rows) {
            bySite.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
            if (!months.contains((String) r[1])) {
                months.add((String) r[1]);
            }
        }
        g.writeObjectFieldStart("monthly");
        g.writeArrayFieldStart("months");
        for (String m : months) {
            g.writeString(m);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sites");
        for (Map.Entry<String, List<Object[]>> e : bySite.entrySet()) {
            g.writeStartObject();
            g.writeStringField("name", e.getKey());
            column(g, "energyMwh", e.getValue(), 2, 0);
            column(g, "waterM3", e.getValue(), 3, 0);
            column(g, "co2eLocation", e.getValue(), 4, 0);
            column(g, "co2eMarket", e.getValue(), 5, 0);
            column(g, "energyCostUsd", e.getValue(), 6, 0);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void timeline(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        double horizonDays = num(rows(c, "SELECT max(hour) + 1 FROM site_hourly WHERE run_id = ?", runId)
                        .get(0)[0])
                / 24;
        g.writeObjectFieldStart("timeline");
        g.writeArrayFieldStart("jobs");
        for (Object[] r : rows(
                c,
                "SELECT job, start_hours, end_hours FROM jobs WHERE run_id = ? AND mix = '' AND start_hours IS NOT NULL ORDER BY rowid",
                runId)) {
            g.writeStartObject();
            g.writeStringField("name", (String) r[0]);
            g.writeNumberField("startDays", num(r[1]) / 24);
            g.writeNumberField("endDays", r[2] == null ? horizonDays : num(r[2]) / 24);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("failures");
        for (Object[] r : rows(c, """
                SELECT e.time_hours, e.job FROM job_events e JOIN jobs j ON j.run_id = e.run_id AND j.job = e.job
                WHERE e.run_id = ? AND j.mix = '' AND e.event = 'failure' ORDER BY e.rowid""", runId)) {
            g.writeStartObject();
            g.writeNumberField("days", num(r[0]) / 24);
            g.writeStringField("job", (String) r[1]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void mixes(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        g.writeArrayFieldStart("mixes");
        for (Object[] r : rows(c, """
                SELECT mix, count(*), count(*) FILTER (WHERE completed),
                       avg(coalesce(start_hours, (SELECT max(hour) + 1 FROM site_hourly WHERE run_id = ?)) - submit_hours),
                       sum(interruptions), sum(gpu_hours), sum(useful_gpu_hours) / nullif(sum(gpu_hours), 0),
                       count(*) FILTER (WHERE start_hours IS NULL), min(rowid)
                FROM jobs WHERE run_id = ? AND mix <> '' GROUP BY mix ORDER BY min(rowid)""", runId)) {
            g.writeStartObject();
            g.writeStringField("mix", (String) r[0]);
            g.writeNumberField("jobs", num(r[1]));
            g.writeNumberField("finished", num(r[2]));
            // As the simulation summary counts it: a job still queued at the horizon's end waited until then.
            g.writeNumberField("meanWaitHours", num(r[3]));
            g.writeNumberField("notStarted", num(r[7]));
            g.writeNumberField("interruptions", num(r[4]));
            g.writeNumberField("gpuHours", num(r[5]));
            g.writeNumberField("goodput", r[6] == null ? 1 : num(r[6]));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void column(JsonGenerator g, String name, List<Object[]> rows, int index, int decimals) throws IOException {
        g.writeArrayFieldStart(name);
        double scale = Math.pow(10, decimals);
        for (Object[] r : rows) {
            g.writeNumber(Math.round(num(r[index]) * scale) / scale);
        }
        g.writeEndArray();
    }

    static double num(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    /** The rows of {@code sql}, each parameter bound to {@code runId}. */
    static List<Object[]> rows(Connection c, String sql, String runId) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setString(i, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static String resource(String name, Class<?> anchor) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
