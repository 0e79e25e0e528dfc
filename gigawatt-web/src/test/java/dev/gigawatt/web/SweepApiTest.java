package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepReader;
import dev.gigawatt.sweep.SweepSpec;
import dev.gigawatt.sweep.SweepValidation;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps from the API over a real server and database: validation as the CLI's, progress, cancel, recording. */
class SweepApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String QUICKSTART = TestServer.example("quickstart.yaml");

    /** A plan-mode sweep of three capacities: instant, and one of them too small for the fleet. */
    static final String CAPACITY = """
            name: capacity
            scenario: quickstart.yaml
            mode: plan
            axes:
              - path: sites[columbus].capacity
                values: ["40 MW", "100 MW", "150 MW"]
            outputs: [tco_usd_per_year, peak_facility_power_mw]
            """;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** For the tests that start a server of their own. */
    @TempDir
    static Path folder;

    static String body(String sweep, String scenario) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sweep", sweep);
        m.put("scenario", scenario);
        m.put("sweepName", "capacity.yaml");
        m.put("scenarioName", "quickstart.yaml");
        return JSON.writeValueAsString(m);
    }

    @Test
    void sweep_planMode_streamsProgressThenRecordsASweepRunWithItsReport() throws Exception {
        HttpResponse<String> started = server.post("/api/sweep", body(CAPACITY, QUICKSTART));
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        assertThat(job.get("id").asText()).startsWith("sweep-");
        assertThat(job.get("kind").asText()).isEqualTo("sweep");
        assertThat(job.get("scenario").asText()).isEqualTo("capacity");

        List<String[]> events =
                server.events("/api/simulations/" + job.get("id").asText() + "/events");

        JsonNode end = JSON.readTree(events.get(events.size() - 1)[1]);
        assertThat(events.get(events.size() - 1)[0]).isEqualTo("end");
        assertThat(end.get("state").asText()).isEqualTo("done");
        assertThat(end.get("progress").asDouble()).isEqualTo(1.0);
        String runId = end.get("runId").asText();

        JsonNode summary =
                JSON.readTree(server.get("/api/simulations/" + job.get("id").asText() + "/summary")
                        .body());
        assertThat(summary.has("schemaVersion")).isTrue();
        assertThat(summary.toString()).contains("peak_facility_power_mw");

        JsonNode run = JSON.readTree(server.get("/api/runs/" + runId).body());
        assertThat(run.get("kind").asText()).isEqualTo("sweep");
        assertThat(run.get("scenarioFile").asText()).isEqualTo("capacity.yaml");
        JsonNode sweeps = JSON.readTree(server.get("/api/runs?kind=sweep").body());
        assertThat(sweeps.findValuesAsText("runId")).containsExactly(runId);

        HttpResponse<String> report = server.get("/api/runs/" + runId + "/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"kind\":\"sweep\"");
    }

    @Test
    void validate_badAxisValue_readsAsTheSweepCommandReportsIt(@TempDir Path cli) throws Exception {
        String sweep = CAPACITY.replace("\"40 MW\"", "\"40 parsecs\"");

        JsonNode r = JSON.readTree(
                server.post("/api/sweep/validate", body(sweep, QUICKSTART)).body());

        // What gigawatt sweep reports for the same two files side by side (SweepCommand's reading).
        Files.writeString(cli.resolve("quickstart.yaml"), QUICKSTART);
        InputException expected = cliProblems(sweep, cli);
        assertThat(expected).isNotNull();
        assertThat(r.get("valid").asBoolean()).isFalse();
        assertThat(r.get("file").asText()).isEqualTo(expected.fileName()).isEqualTo("quickstart.yaml");
        assertThat(r.get("problems").findValuesAsText("text"))
                .containsExactlyElementsOf(expected.problems().stream()
                        .map(p -> p.render(expected.fileName()))
                        .toList());
        assertThat(r.get("problems").get(0).get("message").asText())
                .contains("40 parsecs")
                .contains("(sweep point 0: {sites[columbus].capacity=40 parsecs})");
    }

    /** The problems {@code gigawatt sweep} finds in {@code sweep} beside quickstart.yaml in {@code cli}. */
    private static InputException cliProblems(String sweep, Path cli) {
        try {
            SweepSpec spec = SweepReader.parse(sweep, "capacity.yaml", cli);
            SweepValidation.check(spec, QUICKSTART, SweepDesign.points(spec), Catalog.builtIn());
            return null;
        } catch (InputException e) {
            return e;
        }
    }

    @Test
    void validate_unknownKeyInTheSweep_isAProblemOfTheSweepFileWithItsLine() throws Exception {
        JsonNode r = JSON.readTree(server.post("/api/sweep/validate", body(CAPACITY + "replicatoins: 2\n", QUICKSTART))
                .body());

        assertThat(r.get("file").asText()).isEqualTo("capacity.yaml");
        JsonNode p = r.get("problems").get(0);
        assertThat(p.get("line").asInt()).isEqualTo(8);
        assertThat(p.get("text").asText())
                .startsWith("capacity.yaml:8: replicatoins: ")
                .contains("replications");
        assertThat(JSON.readTree(server.post("/api/sweep/validate", body(CAPACITY, QUICKSTART))
                                .body())
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void sweep_scenarioKeyNamingAnotherFile_is422AndNoFileIsRead() throws Exception {
        for (String other : List.of("../../../../etc/passwd", "meta-2025.yaml", "/no/such/file.yaml")) {
            HttpResponse<String> r =
                    server.post("/api/sweep", body(CAPACITY.replace("quickstart.yaml", other), QUICKSTART));

            assertThat(r.statusCode()).isEqualTo(422);
            JsonNode p = JSON.readTree(r.body()).get("problems").get(0);
            assertThat(p.get("text").asText())
                    .isEqualTo("capacity.yaml:2: scenario: must name the scenario in the editor, \"quickstart.yaml\""
                            + " (a sweep from the page runs over it; no other file is read), got \"" + other + "\"");
        }
    }

    @Test
    void sweep_notJsonOrUnsafeName_is400() throws Exception {
        assertThat(server.post("/api/sweep", CAPACITY).statusCode()).isEqualTo(400);
        assertThat(server.post("/api/sweep", "{\"sweep\": \"x\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> r = server.post(
                "/api/sweep",
                JSON.writeValueAsString(
                        Map.of("sweep", CAPACITY, "scenario", QUICKSTART, "scenarioName", "../x.yaml")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("scenarioName");
    }

    @Test
    void queue_withOneSlot_showsPositionsAndCancelStopsARunningSweepUnrecorded() throws Exception {
        TestServer one = new TestServer(folder.resolve("one"), null, 1);
        try {
            // A year of quickstart simulated 40 times: far longer than the test waits.
            String slow = CAPACITY.replace("mode: plan", "mode: simulate\nreplications: 40")
                    .replace("peak_facility_power_mw", "energy_mwh");
            HttpResponse<String> queued = one.post("/api/sweep", body(slow, QUICKSTART));
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
            JsonNode sweep = JSON.readTree(queued.body());
            JsonNode sim1 = JSON.readTree(one.post("/api/simulate", QUICKSTART).body());
            JsonNode sim2 = JSON.readTree(one.post("/api/simulate", QUICKSTART).body());

            assertThat(sim1.get("state").asText()).isEqualTo("queued");
            assertThat(sim1.get("position").asInt()).isEqualTo(1);
            assertThat(sim2.get("position").asInt()).isEqualTo(2);
            assertThat(sweep.get("position").asInt()).isIn(0, 1);

            one.post("/api/simulations/" + sim1.get("id").asText() + "/cancel", "");
            JsonNode moved = JSON.readTree(
                    one.get("/api/simulations/" + sim2.get("id").asText()).body());
            assertThat(moved.get("position").asInt()).isEqualTo(1);

            String id = sweep.get("id").asText();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!JSON.readTree(one.get("/api/simulations/" + id).body())
                            .get("state")
                            .asText()
                            .equals("running")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            one.post("/api/simulations/" + id + "/cancel", "");
            List<String[]> events = one.events("/api/simulations/" + id + "/events");

            JsonNode end = JSON.readTree(events.get(events.size() - 1)[1]);
            assertThat(end.get("state").asText()).isEqualTo("cancelled");
            assertThat(end.get("runId").isNull()).isTrue();
            one.post("/api/simulations/" + sim2.get("id").asText() + "/cancel", "");
            assertThat(JSON.readTree(one.get("/api/runs?kind=sweep").body())).isEmpty();
        } finally {
            one.close();
        }
    }
}
