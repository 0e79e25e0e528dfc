package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunInfo;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/runs?search=&kind=&from=&to=} over plans recorded on known days and one simulation. */
class RunsFilterApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static TestServer server;
    static final List<String> plans = new ArrayList<>();
    static String simulation;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(folder);
        String yaml = TestServer.example("quickstart.yaml");
        String[][] runs = {{"alpha", "2020-01-10"}, {"Beta-site", "2020-02-15"}, {"gamma", "2020-03-20"}};
        try (ResultsStore store = ResultsStore.open(server.db, false)) {
            for (String[] run : runs) {
                String text = yaml.replace("name: quickstart", "name: " + run[0]);
                Scenario s = ScenarioReader.parse(text, run[0] + ".yaml", Catalog.builtIn());
                Instant started = Instant.parse(run[1] + "T23:30:00Z");
                plans.add(store.recordPlan(
                        new RunInfo(run[0] + ".yaml", text, started, started.plusSeconds(1)),
                        s,
                        new Planner(Assumptions.builtIn()).plan(s)));
            }
        }
        String id = JSON.readTree(server.post("/api/simulate?name=month.yaml", RunsApiTest.MONTH)
                        .body())
                .get("id")
                .asText();
        List<String[]> events = server.events("/api/simulations/" + id + "/events");
        simulation =
                JSON.readTree(events.get(events.size() - 1)[1]).get("runId").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noFilter_listsEveryRunNewestFirst() throws Exception {
        assertThat(ids("/api/runs")).containsExactly(simulation, plans.get(2), plans.get(1), plans.get(0));
    }

    @Test
    void search_matchesScenarioNameFileOrId_inAnyCase() throws Exception {
        assertThat(ids("/api/runs?search=BETA")).containsExactly(plans.get(1));
        assertThat(ids("/api/runs?search=month.yaml")).containsExactly(simulation);
        assertThat(ids("/api/runs?search=" + plans.get(0).toUpperCase(java.util.Locale.ROOT)))
                .containsExactly(plans.get(0));
        assertThat(ids("/api/runs?search=nothing-like-this")).isEmpty();
    }

    @Test
    void kind_keepsThatKindOnly_unknownKindIs400() throws Exception {
        assertThat(ids("/api/runs?kind=simulate")).containsExactly(simulation);
        assertThat(ids("/api/runs?kind=plan")).containsExactly(plans.get(2), plans.get(1), plans.get(0));
        assertThat(ids("/api/runs?kind=sweep")).isEmpty();
        HttpResponse<String> bad = server.get("/api/runs?kind=plans");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("plan, simulate, sweep", "'plans'");
    }

    @Test
    void fromAndTo_includeBothDays_inUtc() throws Exception {
        assertThat(ids("/api/runs?from=2020-02-15&to=2020-03-20")).containsExactly(plans.get(2), plans.get(1));
        assertThat(ids("/api/runs?to=2020-01-10")).containsExactly(plans.get(0));
        assertThat(ids("/api/runs?from=2020-01-11&to=2020-02-14")).isEmpty();
        assertThat(ids("/api/runs?kind=plan&from=2020-02-01&search=a")).containsExactly(plans.get(2), plans.get(1));
        assertThat(server.get("/api/runs?from=15.02.2020").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/runs?from=2020-03-01&to=2020-02-01").statusCode())
                .isEqualTo(400);
    }

    private static List<String> ids(String path) throws Exception {
        HttpResponse<String> r = server.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body()).findValuesAsText("runId");
    }
}
