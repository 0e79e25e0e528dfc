package dev.gigawatt.web;

import dev.gigawatt.report.Kpis;
import dev.gigawatt.results.HtmlReport;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunSummary;
import dev.gigawatt.results.StoreException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/runs}, {@code /api/runs/{id}} and {@code /api/runs/{id}/report}: what the database recorded. */
final class RunRoutes {
    private final Database db;

    RunRoutes(Database db) {
        this.db = db;
    }

    /** Every recorded run, newest first; none when nothing has been recorded yet. */
    void list(Context ctx) {
        if (!db.exists()) {
            Json.send(ctx, List.of());
            return;
        }
        Json.send(
                ctx,
                db.read(store -> store.runs().stream().map(RunRoutes::summary).toList()));
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

    /** The run's self-contained HTML report, rendered from the database as {@code gigawatt report} writes it. */
    void report(Context ctx) {
        String id = existing(ctx.pathParam("id"));
        String html = db.read(store -> HtmlReport.render(store, find(store, id).runId()));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** {@code id}, or 404 when there is no database yet to find it in. */
    private String existing(String id) {
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
