package dev.gigawatt.results;

import static dev.gigawatt.results.HtmlReport.rows;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run of a sweep for its report: each point's numeric input values and each run's outputs, from
 * which the page draws swings, exceedance curves, scatters and the convergence of the mean.
 */
final class SweepSeries {
    private SweepSeries() {}

    static void write(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        g.writeObjectFieldStart("sweep");
        Map<String, Map<Integer, Double>> inputs = new LinkedHashMap<>();
        List<Integer> points = new ArrayList<>();
        for (Object[] r :
                rows(c, "SELECT point, path, number FROM sweep_points WHERE run_id = ? ORDER BY rowid", runId)) {
            int point = ((Number) r[0]).intValue();
            if (!points.contains(point)) {
                points.add(point);
            }
            inputs.computeIfAbsent((String) r[1], k -> new LinkedHashMap<>()).put(point, (Double) r[2]);
        }
        g.writeArrayFieldStart("points");
        for (int p : points) {
            g.writeNumber(p);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("inputs");
        for (Map.Entry<String, Map<Integer, Double>> e : inputs.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (int p : points) {
                number(g, e.getValue().get(p));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        // The sweep's outputs are the KPIs it summarised (name.mean in kpis), in the order it recorded them.
        List<Object[]> runs = rows(c, """
                SELECT point, replication, kpi, value FROM sweep_runs
                WHERE run_id = ? AND kpi || '.mean' IN (SELECT name FROM kpis WHERE run_id = ?) ORDER BY rowid""", runId);
        Map<String, List<Double>> outputs = new LinkedHashMap<>();
        List<long[]> keys = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Object[] r : runs) {
            String key = r[0] + "/" + r[1];
            Integer i = index.get(key);
            if (i == null) {
                i = keys.size();
                index.put(key, i);
                keys.add(new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()});
            }
            List<Double> values = outputs.computeIfAbsent((String) r[2], k -> new ArrayList<>());
            while (values.size() < i) {
                values.add(null);
            }
            values.add(r[3] == null ? null : ((Number) r[3]).doubleValue());
        }
        g.writeArrayFieldStart("runPoint");
        for (long[] k : keys) {
            g.writeNumber(k[0]);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("runReplication");
        for (long[] k : keys) {
            g.writeNumber(k[1]);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("outputs");
        for (Map.Entry<String, List<Double>> e : outputs.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (int i = 0; i < keys.size(); i++) {
                number(g, i < e.getValue().size() ? e.getValue().get(i) : null);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("units");
        for (String name : outputs.keySet()) {
            g.writeStringField(name, unitOf(name));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, Double v) throws IOException {
        if (v == null || v.isNaN() || v.isInfinite()) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    /**
     * The unit of a KPI, read from the unit its name ends with (the project's naming rule for KPIs);
     * sweeps record their outputs without units. Empty when the name carries none.
     */
    static String unitOf(String kpi) {
        String name = kpi.substring(kpi.lastIndexOf('.') + 1);
        String[][] suffixes = {
            {"_usd_per_year", "USD/year"},
            {"_usd_per_gpu_hour", "USD/accelerator-h"},
            {"usd_per_gpu_hour", "USD/accelerator-h"},
            {"_usd_per_million_tokens", "USD/M tokens"},
            {"usd_per_million_tokens", "USD/M tokens"},
            {"_usd", "USD"},
            {"_mwh_per_year", "MWh/year"},
            {"_mwh", "MWh"},
            {"_mw", "MW"},
            {"_m3_per_year", "m³/year"},
            {"_m3", "m³"},
            {"_tonnes_per_year_market", "tCO2e/year"},
            {"_tonnes_per_year", "tCO2e/year"},
            {"_tonnes_location", "tCO2e"},
            {"_tonnes_market", "tCO2e"},
            {"gpu_hours", "accelerator-h"},
            {"goodput", "share"},
            {"attainment", "share"},
            {"utilisation", "share"},
            {"ettr", "share"},
            {"_tokens", "tokens"},
            {"hours_power_capped", "site-h"},
            {"hours_above_capacity", "site-h"},
            {"accelerators", "accelerators"},
            {"jobs", "jobs"},
            {"jobs_completed", "jobs"},
            {"interruptions", "count"},
            {"events", "events"},
            {"sites_not_fitting", "sites"},
            {"payback_years", "years"}
        };
        for (String[] s : suffixes) {
            if (name.endsWith(s[0])) {
                return s[1];
            }
        }
        return "";
    }
}
