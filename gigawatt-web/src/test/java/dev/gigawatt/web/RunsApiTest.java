package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gigawatt.results.ResultsStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Simulations, runs, reports, query and catalog over a real server and database. */
class RunsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Quickstart over one month: a real simulation that takes a second or two. */
    static final String MONTH = TestServer.example("quickstart.yaml").replace("end: 2026-01-01", "end: 2025-02-01");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** For the tests that start a server of their own. */
    @TempDir
    static Path folder;

    @Test
    void runs_beforeAnythingIsRecorded_isEmptyNotAnError() throws Exception {
        TestServer empty = new TestServer(folder.resolve("empty"));
        try {
            HttpResponse<String> r = empty.get("/api/runs");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body())).isEmpty();
        } finally {
            empty.close();
        }
    }

    @Test
    void simulate_streamsProgressThenRecordsTheRunWithItsReportAndKpis() throws Exception {
        HttpResponse<String> started = server.post("/api/simulate?name=month.yaml", MONTH);
        assertThat(started.statusCode()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("id").asText();

        List<String[]> events = server.events("/api/simulations/" + id + "/events");

        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1)[0]).isEqualTo("end");
        JsonNode end = JSON.readTree(events.get(events.size() - 1)[1]);
        assertThat(end.get("state").asText()).isEqualTo("done");
        String runId = end.get("runId").asText();
        assertThat(events.stream().filter(e -> e[0].equals("progress"))).isNotEmpty();

        HttpResponse<String> summary = server.get("/api/simulations/" + id + "/summary");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(summary.body()).has("schemaVersion")).isTrue();

        JsonNode runs = JSON.readTree(server.get("/api/runs").body());
        assertThat(runs.findValuesAsText("runId")).contains(runId);

        JsonNode run = JSON.readTree(server.get("/api/runs/" + runId).body());
        assertThat(run.get("kind").asText()).isEqualTo("simulate");
        assertThat(run.get("scenarioFile").asText()).isEqualTo("month.yaml");
        assertThat(run.get("kpis")).isNotEmpty();

        HttpResponse<String> report = server.get("/api/runs/" + runId + "/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.body()).contains("<html").contains(runId);

        // The CLI reads the same database the server wrote.
        try (ResultsStore store = ResultsStore.open(server.db, true)) {
            assertThat(store.run(runId)).isPresent();
        }

        HttpResponse<String> q =
                server.post("/api/query", "SELECT run_id, kind FROM runs WHERE run_id = '" + runId + "'");
        assertThat(q.statusCode()).isEqualTo(200);
        JsonNode rows = JSON.readTree(q.body());
        assertThat(rows.get("columns").get(0).asText()).isEqualTo("run_id");
        assertThat(rows.get("rows").get(0).get(1).asText()).isEqualTo("simulate");
    }

    @Test
    void compare_twoRecordedRuns_givesEachKpisValuesDifferenceAndRatio() throws Exception {
        String first = simulated(MONTH);
        String second = simulated(MONTH.replace("seed: 42", "seed: 43"));

        HttpResponse<String> r = server.get("/api/compare?ids=" + first + "," + second.substring(0, 18));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("runs").findValuesAsText("runId")).containsExactly(first, second);
        JsonNode energy = null;
        for (JsonNode k : body.get("kpis")) {
            if (k.get("name").asText().equals("energy_mwh")) {
                energy = k;
            }
        }
        assertThat(energy).isNotNull();
        double a = energy.get("values").get(0).asDouble();
        double b = energy.get("values").get(1).asDouble();
        assertThat(a).isPositive();
        assertThat(energy.get("differences").get(0).asDouble()).isEqualTo(b - a);
        assertThat(energy.get("ratios").get(0).asDouble()).isEqualTo(b / a);

        // The overlaid series: one value per simulated hour whose sum over the hours (MW × 1 h) is the energy KPI.
        HttpResponse<String> seriesResponse = server.get("/api/runs/" + first + "/series");
        assertThat(seriesResponse.statusCode()).isEqualTo(200);
        assertThat(seriesResponse.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
        JsonNode series = JSON.readTree(seriesResponse.body());
        assertThat(series.get("runId").asText()).isEqualTo(first);
        assertThat(series.get("hours")).hasSize(31 * 24);
        assertThat(series.get("facilityPowerMw")).hasSize(31 * 24);
        double sumMwh = 0;
        for (int h = 0; h < 31 * 24; h++) {
            assertThat(series.get("hours").get(h).asInt()).isEqualTo(h);
            double facility = series.get("facilityPowerMw").get(h).asDouble();
            assertThat(series.get("itPowerMw").get(h).asDouble()).isPositive().isLessThanOrEqualTo(facility);
            sumMwh += facility;
        }
        assertThat(sumMwh).isCloseTo(a, org.assertj.core.data.Offset.offset(31 * 24 * 0.0005 + 1e-6));
        HttpResponse<String> noSeries = server.get("/api/runs/nosuchrun/series");
        assertThat(noSeries.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noSeries.body()).get("error").asText()).contains("nosuchrun");

        assertThat(server.get("/api/compare?ids=" + first).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/compare?ids=" + first + ",nosuchrun").statusCode())
                .isEqualTo(404);
    }

    /** Simulates {@code yaml} through the API and returns the recorded run's id. */
    private static String simulated(String yaml) throws Exception {
        String id = JSON.readTree(server.post("/api/simulate", yaml).body())
                .get("id")
                .asText();
        List<String[]> events = server.events("/api/simulations/" + id + "/events");
        return JSON.readTree(events.get(events.size() - 1)[1]).get("runId").asText();
    }

    @Test
    void cancel_queuedOrRunningSimulation_endsCancelledAndRecordsNothing() throws Exception {
        String year = TestServer.example("quickstart.yaml");
        String id = JSON.readTree(server.post("/api/simulate", year).body())
                .get("id")
                .asText();

        HttpResponse<String> cancelled = server.post("/api/simulations/" + id + "/cancel", "");
        List<String[]> events = server.events("/api/simulations/" + id + "/events");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        JsonNode end = JSON.readTree(events.get(events.size() - 1)[1]);
        assertThat(end.get("state").asText()).isEqualTo("cancelled");
        assertThat(end.get("runId").isNull()).isTrue();
        assertThat(server.get("/api/simulations/" + id + "/summary").statusCode())
                .isEqualTo(409);
    }

    @Test
    void simulate_invalidScenario_is422AndStartsNothing() throws Exception {
        HttpResponse<String> r = server.post("/api/simulate", "name: x\n");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(r.body()).get("valid").asBoolean()).isFalse();
    }

    @Test
    void run_unknownId_is404WithAMessage() throws Exception {
        HttpResponse<String> r = server.get("/api/runs/nosuchrun");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isNotBlank();
    }

    @Test
    void catalog_accelerators_listsEveryEntryWithItsSource() throws Exception {
        HttpResponse<String> r = server.get("/api/catalog/accelerators");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(r.body());
        assertThat(list.findValuesAsText("name")).contains("H100-SXM");
        assertThat(list.get(0).get("provenance").get("source").asText()).isNotBlank();
        assertThat(server.get("/api/catalog/assumptions").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/catalog/nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void catalog_everyKind_everyEntryNamesItsSource() throws Exception {
        for (String kind : CatalogRoutes.KINDS) {
            HttpResponse<String> r = server.get("/api/catalog/" + kind);
            assertThat(r.statusCode()).as(kind).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode list = JSON.readTree(r.body());
            assertThat(list).as(kind).isNotEmpty();
            for (JsonNode e : list) {
                JsonNode source = kind.equals("assumptions")
                        ? e.get("source")
                        : e.get("provenance").get("source");
                assertThat(source.asText()).as(kind + " " + e.get("name")).isNotBlank();
            }
        }
        JsonNode unknown =
                JSON.readTree(server.get("/api/catalog/..%2F..%2Fpom.xml").body());
        assertThat(unknown.get("error").asText()).contains("the kinds are");
    }

    @Test
    void schema_isTheRepositorysScenarioSchema() throws Exception {
        HttpResponse<String> r = server.get("/api/schema");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode served = JSON.readTree(r.body());
        assertThat(served)
                .isEqualTo(JSON.readTree(
                        Path.of("..", "schema", "scenario.schema.json").toFile()));
        assertThat(served.get("properties").has("sites")).isTrue();
    }

    @Test
    void openApi_describesEveryEndpoint() throws Exception {
        JsonNode api = JSON.readTree(server.get("/api/openapi.json").body());

        assertThat(api.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths)
                .contains(
                        "/api/validate",
                        "/api/plan",
                        "/api/simulate",
                        "/api/sweep",
                        "/api/sweep/validate",
                        "/api/simulations/{id}",
                        "/api/simulations/{id}/events",
                        "/api/simulations/{id}/cancel",
                        "/api/simulations/{id}/summary",
                        "/api/runs",
                        "/api/runs/{id}",
                        "/api/runs/{id}/report",
                        "/api/runs/{id}/series",
                        "/api/runs/{id}/tables",
                        "/api/runs/{id}/tables/{file}",
                        "/api/schema",
                        "/api/compare",
                        "/api/query",
                        "/api/catalog/{kind}",
                        "/api/examples",
                        "/api/examples/{name}");
    }
}
