package dev.gigawatt.web;

import dev.gigawatt.results.QueryResult;
import dev.gigawatt.results.RunSummary;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/runs/{id}/series}: a run's hourly facility and IT power summed over its sites, the
 * series the page overlays when it compares runs. A run without hourly rows (a plan, a sweep) has
 * empty series.
 */
final class SeriesRoute {
    /* An hour's energy in MWh is that hour's mean power in MW, so the table's energies are the powers. */
    @SuppressWarnings("InlineFormatString") // the query reads better as one block apart from the code
    private static final String SQL = """
            SELECT hour, min(time), sum(facility_energy_mwh), sum(it_energy_mwh)
            FROM site_hourly WHERE run_id = '%s' GROUP BY hour ORDER BY hour""";

    private final Database db;
    private final RunRoutes runs;

    SeriesRoute(Database db, RunRoutes runs) {
        this.db = db;
        this.runs = runs;
    }

    /** Answers {@code {"runId", "start", "hours", "facilityPowerMw", "itPowerMw"}}. */
    void series(Context ctx) {
        String id = runs.existing(ctx.pathParam("id"));
        Json.send(ctx, db.read(store -> {
            RunSummary run = runs.find(store, id);
            // The id comes from the database (digits, letters and '-'), quoted all the same.
            QueryResult rows = store.query(String.format(SQL, run.runId().replace("'", "''")));
            List<Long> hours = new ArrayList<>();
            List<Double> facility = new ArrayList<>();
            List<Double> it = new ArrayList<>();
            for (List<String> r : rows.rows()) {
                hours.add(Long.parseLong(r.get(0)));
                facility.add(mw(r.get(2)));
                it.add(mw(r.get(3)));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("runId", run.runId());
            out.put("start", rows.rows().isEmpty() ? null : rows.rows().get(0).get(1));
            out.put("hours", hours);
            out.put("facilityPowerMw", facility);
            out.put("itPowerMw", it);
            return out;
        }));
    }

    /** Megawatts to the kilowatt, null where the table has no finite value. */
    private static Double mw(String text) {
        if (text == null) {
            return null;
        }
        double v = Double.parseDouble(text);
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null;
    }
}
