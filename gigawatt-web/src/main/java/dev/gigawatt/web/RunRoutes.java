package dev.gigawatt.web;

import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.results.HtmlReport;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunComparison;
import dev.gigawatt.results.RunSummary;
import dev.gigawatt.results.StoreException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/runs}, {@code /api/runs/{id}} and {@code /api/runs/{id}/report}: what the database recorded. */
final class RunRoutes {
    private final Database db;

    RunRoutes(Database db) {
        this.db = db;
    }

    /** The recorded runs the filter keeps ({@link RunFilter}), newest first; none before anything is recorded. */
    void list(Context ctx) {
        RunFilter filter = RunFilter.of(ctx);
        if (!db.exists()) {
            Json.send(ctx, List.of());
            return;
        }
        Json.send(ctx, db.read(store -> store.runs().stream()
                .filter(filter)
                .map(RunRoutes::summary)
                .toList()));
    }

    /** One run (a unique prefix of its id is enough): where it came from and its KPIs. */
    void show(Context ctx) {
        String id = existing(ctx.pathParam("id"));
        Json.send(ctx, db.read(store -> {
            RunSummary r = find(store, id);
            Map<String, Object> out = summary(r);
            out.put("kpis", store.kpis(r.runId()).stream().map(RunRoutes::kpi).toList());
            return out;
        }));
    }

    /**
     * {@code GET /api/compare?ids=A,B[,...]}: the KPIs of two or more runs side by side, with each later
     * run's difference from and ratio to the first, as {@code gigawatt compare} prints them.
     */
    void compare(Context ctx) {
        String param = ctx.queryParam("ids");
        List<String> ids = param == null
                ? List.of()
                : Arrays.stream(param.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (ids.size() < 2) {
            throw ApiException.badRequest("compare needs at least two run ids: ?ids=A,B");
        }
        ids.forEach(this::existing);
        Json.send(ctx, db.read(store -> {
            List<RunSummary> runs = ids.stream().map(id -> find(store, id)).toList();
            RunComparison c = RunComparison.of(store, runs);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("runs", runs.stream().map(RunRoutes::summary).toList());
            out.put("kpis", c.rows().stream().map(RunRoutes::row).toList());
            return out;
        }));
    }

    private static Map<String, Object> row(RunComparison.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("unit", r.unit());
        m.put("values", numbers(r.values()));
        m.put("differences", numbers(r.differences()));
        m.put("ratios", numbers(r.ratios()));
        return m;
    }

    /** Finite numbers as they are, the rest as null (JSON has no NaN). */
    private static List<Double> numbers(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(Double.isFinite(v) ? v : null);
        }
        return out;
    }

    /** The run's self-contained HTML report, rendered from the database as {@code gigawatt report} writes it. */
    void report(Context ctx) {
        String id = existing(ctx.pathParam("id"));
        String html = db.read(store -> HtmlReport.render(store, find(store, id).runId()));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** {@code id}, or 404 when there is no database yet to find it in. */
    String existing(String id) {
        if (!db.exists()) {
            throw ApiException.notFound("no run '" + id + "': nothing has been recorded in " + db.file());
        }
        return id;
    }

    /** The run whose id is, or starts with, {@code id}; 404 when none, 400 when several. */
    RunSummary find(ResultsStore store, String id) {
        try {
            return store.run(id).orElseThrow(() -> ApiException.notFound("no run '" + id + "' in " + store.file()));
        } catch (StoreException e) {
            throw ApiException.badRequest(e.getMessage() + "; give more of the id");
        }
    }

    static Map<String, Object> summary(RunSummary r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.runId());
        m.put("kind", r.kind());
        m.put("scenario", r.scenario());
        m.put("scenarioFile", r.scenarioFile());
        m.put("scenarioSha256", r.scenarioSha256());
        m.put("seed", r.seed());
        m.put("replication", r.replication());
        m.put("version", r.version());
        m.put("started", r.started().toString());
        m.put("finished", r.finished().toString());
        m.put("seconds", (r.finished().toEpochMilli() - r.started().toEpochMilli()) / 1000.0);
        m.put("status", r.status());
        return m;
    }

    private static Map<String, Object> kpi(Kpis.Kpi k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name());
        m.put("value", Double.isFinite(k.value()) ? k.value() : null);
        m.put("unit", k.unit());
        return m;
    }
}
