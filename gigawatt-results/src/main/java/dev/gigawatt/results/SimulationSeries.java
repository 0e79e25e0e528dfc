package dev.gigawatt.results;

import static dev.gigawatt.results.HtmlReport.num;
import static dev.gigawatt.results.HtmlReport.rows;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The series of a simulation report that aggregate its hourly and per-job tables: accelerators by
 * state per day, each site's load-duration curve, and each job mix's queue length and waits.
 */
final class SimulationSeries {
    /** Points of a load-duration curve: enough for a smooth line, few enough to keep the page small. */
    static final int CURVE_POINTS = 200;

    /** Upper edges of the wait-time bins, hours; the last bin is open, then jobs that never started. */
    private static final double[] WAIT_EDGES_HOURS = {0, 1, 6, 24, 72, 168};

    private static final List<String> WAIT_BINS =
            List.of("no wait", "≤ 1 h", "1–6 h", "6–24 h", "1–3 days", "3–7 days", "> 7 days", "never started");

    private SimulationSeries() {}

    static void write(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        states(c, runId, g);
        loadDuration(c, runId, g);
        queues(c, runId, g);
    }

    /** Mean accelerators in each state per day over the whole fleet (accelerator-hours / hours in the day). */
    private static void states(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        List<Object[]> days = rows(c, """
                SELECT day, sum(training), sum(serving), sum(idle), sum(repair) FROM (
                    SELECT site, CAST(time AS DATE) AS day, sum(training_gpu_hours) / count(*) AS training,
                           sum(serving_gpu_hours) / count(*) AS serving, sum(idle_gpu_hours) / count(*) AS idle,
                           sum(repair_gpu_hours) / count(*) AS repair
                    FROM site_hourly WHERE run_id = ? GROUP BY site, day)
                GROUP BY day ORDER BY day""", runId);
        g.writeObjectFieldStart("states");
        String[] names = {"training", "serving", "idle", "repair"};
        for (int i = 0; i < names.length; i++) {
            HtmlReport.column(g, names[i], days, i + 1, 0);
        }
        g.writeEndObject();
    }

    /** Each site's hourly facility power and capacity, each sorted from highest to lowest and sampled. */
    private static void loadDuration(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        Map<String, List<double[]>> bySite = new LinkedHashMap<>();
        for (Object[] r : rows(
                c,
                "SELECT site, facility_energy_mwh, capacity_mw FROM site_hourly WHERE run_id = ? ORDER BY rowid",
                runId)) {
            bySite.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new double[] {num(r[1]), num(r[2])});
        }
        g.writeArrayFieldStart("loadDuration");
        for (Map.Entry<String, List<double[]>> e : bySite.entrySet()) {
            List<double[]> hours = e.getValue();
            double[] load = hours.stream().mapToDouble(h -> -h[0]).sorted().toArray();
            double[] capacity = hours.stream().mapToDouble(h -> -h[1]).sorted().toArray();
            g.writeStartObject();
            g.writeStringField("name", e.getKey());
            g.writeNumberField("hours", hours.size());
            sampled(g, "shareOfHours", load.length, i -> 100.0 * (i + 1) / load.length);
            sampled(g, "mw", load.length, i -> -load[i]);
            sampled(g, "capacityMw", capacity.length, i -> -capacity[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void sampled(JsonGenerator g, String name, int n, IntToDoubleFunction value) throws IOException {
        g.writeArrayFieldStart(name);
        int points = Math.min(n, CURVE_POINTS + 1);
        for (int k = 0; k < points; k++) {
            int i = points == 1 ? 0 : (int) Math.round((double) k * (n - 1) / (points - 1));
            g.writeNumber(Math.round(value.applyAsDouble(i) * 100) / 100.0);
        }
        g.writeEndArray();
    }

    /**
     * Per job mix, the most jobs waiting at once on each day (a job waits from its submission to its
     * start, or to the horizon's end) and the jobs in each wait-time bin.
     */
    private static void queues(Connection c, String runId, JsonGenerator g) throws SQLException, IOException {
        int days = (int) Math.ceil(num(rows(c, "SELECT max(hour) + 1 FROM site_hourly WHERE run_id = ?", runId)
                        .get(0)[0])
                / 24);
        Map<String, List<double[]>> byMix = new LinkedHashMap<>();
        for (Object[] r : rows(
                c,
                "SELECT mix, submit_hours, start_hours FROM jobs WHERE run_id = ? AND mix <> '' ORDER BY rowid",
                runId)) {
            byMix.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new double[] {num(r[1]), r[2] == null ? Double.NaN : num(r[2])});
        }
        g.writeObjectFieldStart("queues");
        g.writeArrayFieldStart("waitBins");
        for (String b : WAIT_BINS) {
            g.writeString(b);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("mixes");
        for (Map.Entry<String, List<double[]>> e : byMix.entrySet()) {
            g.writeStartObject();
            g.writeStringField("mix", e.getKey());
            g.writeArrayFieldStart("maxWaiting");
            for (int n : maxWaitingPerDay(e.getValue(), days)) {
                g.writeNumber(n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("waits");
            for (int n : waitBins(e.getValue())) {
                g.writeNumber(n);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The queue as +1 at each submission and −1 at each start, swept in time order. */
    static int[] maxWaitingPerDay(List<double[]> jobs, int days) {
        double[][] changes = new double[jobs.size() * 2][];
        int n = 0;
        for (double[] j : jobs) {
            changes[n++] = new double[] {j[0], 1};
            if (!Double.isNaN(j[1])) {
                changes[n++] = new double[] {j[1], -1};
            }
        }
        double[][] sorted = Arrays.copyOf(changes, n);
        // Starts before submissions at the same instant: a job that starts at once never counts as waiting.
        Arrays.sort(sorted, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int[] max = new int[Math.max(days, 0)];
        int waiting = 0;
        int day = 0;
        for (double[] change : sorted) {
            int d = Math.min(max.length - 1, (int) Math.floor(change[0] / 24));
            for (; day < d; day++) {
                max[day + 1] = Math.max(max[day + 1], waiting);
            }
            waiting += (int) change[1];
            if (d >= 0) {
                max[d] = Math.max(max[d], waiting);
            }
        }
        for (; day + 1 < max.length; day++) {
            max[day + 1] = Math.max(max[day + 1], waiting);
        }
        return max;
    }

    static int[] waitBins(List<double[]> jobs) {
        int[] bins = new int[WAIT_BINS.size()];
        for (double[] j : jobs) {
            if (Double.isNaN(j[1])) {
                bins[bins.length - 1]++;
                continue;
            }
            double wait = j[1] - j[0];
            int b = 0;
            while (b < WAIT_EDGES_HOURS.length && wait > WAIT_EDGES_HOURS[b]) {
                b++;
            }
            bins[b]++;
        }
        return bins;
    }
}
