package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.report.PlanJson;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/validate} and {@code /api/plan} over a real server: the CLI's reader, planner and JSON. */
class ScenarioApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void plan_validScenario_isByteForByteThePlanJsonOfTheCli() {
        String yaml = TestServer.example("quickstart.yaml");
        String expected = PlanJson.write(new Planner(Assumptions.builtIn())
                .plan(new ScenarioRoutes(Catalog.builtIn()).read(yaml, ScenarioRoutes.DEFAULT_NAME)));

        HttpResponse<String> r = server.post("/api/plan", yaml);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).isEqualTo(expected);
    }

    @Test
    void validate_validScenario_hasNoProblems() throws Exception {
        HttpResponse<String> r = server.post("/api/validate", TestServer.example("quickstart.yaml"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("problems")).isEmpty();
    }

    @Test
    void validate_badCapacityAndAccelerator_givesEveryProblemWithTheCliText() throws Exception {
        String yaml = TestServer.example("quickstart.yaml")
                .replace("capacity: \"100 MW\"", "capacity: \"-5 MW\"")
                .replace("accelerator: H100-SXM\n    count", "accelerator: H10O\n    count");

        HttpResponse<String> r = server.post("/api/validate?name=plan.yaml", yaml);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("valid").asBoolean()).isFalse();
        InputException cli = null;
        try {
            new ScenarioRoutes(Catalog.builtIn()).read(yaml, "plan.yaml");
        } catch (InputException e) {
            cli = e;
        }
        assertThat(cli).isNotNull();
        assertThat(body.get("problems")).hasSize(cli.problems().size());
        for (int i = 0; i < cli.problems().size(); i++) {
            JsonNode p = body.get("problems").get(i);
            assertThat(p.get("text").asText()).isEqualTo(cli.problems().get(i).render("plan.yaml"));
            assertThat(p.get("line").asInt()).isEqualTo(cli.problems().get(i).line());
        }
        assertThat(body.get("problems").get(0).get("text").asText())
                .isEqualTo("plan.yaml:15: sites[0].capacity: must be > 0 and at most 1 TW, got \"-5 MW\"");
        assertThat(body.get("problems").get(1).get("path").asText()).isEqualTo("fleet[0].accelerator");
        assertThat(body.get("problems").get(1).get("message").asText())
                .startsWith("unknown accelerator 'H10O'; did you mean");
    }

    @Test
    void plan_invalidScenario_is422WithTheProblems() throws Exception {
        HttpResponse<String> r = server.post("/api/plan", "name: x\nsites: 5\n");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(r.body()).get("problems")).isNotEmpty();
    }

    @Test
    void validate_yamlSyntaxError_isAProblemWithItsLine() throws Exception {
        HttpResponse<String> r = server.post("/api/validate", "name: x\nsites: [\n");

        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("valid").asBoolean()).isFalse();
        assertThat(body.get("problems").get(0).get("line").asInt()).isPositive();
    }

    @Test
    void name_withSlashes_isRefused() {
        HttpResponse<String> r = server.post("/api/validate?name=../../etc/passwd", "name: x\n");

        assertThat(r.statusCode()).isEqualTo(400);
    }
}
