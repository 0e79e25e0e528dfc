package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.fixtures.TestScenarios;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML report as a reader sees it: recorded runs are written with {@link HtmlReport#write} and
 * loaded in headless Chromium, whose dumped DOM must show every chart rendered by ECharts and no
 * JavaScript error. Plain text checks (no browser) cover that the file is self-contained.
 */
class ReportBrowserTest {

    /** Charts of the rich simulation's report. */
    private static final int RICH_CHARTS = 16;

    /**
     * Two sites, site b with a 500 kW grid connection that its 512-accelerator job outgrows (so
     * training is power-capped), a generated job mix and explicit jobs that fail (seed 3): every
     * chart kind (lines, capped-day scatter, bars, the custom timeline with failure marks) has data.
     * The comment checks that text closing a script element cannot end the embedded data early.
     */
    static final String RICH = """
            # a scenario comment that looks like markup: </script><script>document.title='pwned'</script>
            name: report-rich
            seed: 3
            horizon: {start: 2025-01-20, end: 2025-02-10}
            sites:
              - {name: a, grid: US-OH, capacity: "20 MW"}
              - {name: b, grid: US-VA, capacity: "500 kW"}
            fleet:
              - {accelerator: H100-SXM, count: 1024, site: a}
              - {accelerator: H100-SXM, count: 1024, site: b}
            training:
              - {name: j, model: llama-3.1-8b, tokens: 2T, accelerators: 512, accelerator: H100-SXM, site: a}
              - {name: k, model: llama-3.1-8b, tokens: 1T, accelerators: 512, accelerator: H100-SXM, site: b}
            jobMix:
              - {name: research, site: a, accelerator: H100-SXM, arrivalsPerDay: 20,
                 accelerators: {min: 8, max: 256}, duration: {median: "6 h", spread: 1.0}}
            inference:
              - {name: chat, model: llama-3.1-8b, users: 1M, requestsPerUserPerDay: 5, inputTokens: 500,
                 outputTokens: 200, slo: {ttft: "1 s", tpot: "50 ms"}, accelerator: H100-SXM}
            finance: {budget: "$50M"}
            """;

    /** A job mix that asks for more accelerators than its site has: many of its jobs never start. */
    private static final String QUEUED = """
            name: report-queued
            seed: 5
            horizon: {start: 2025-01-01, end: 2025-01-08}
            sites:
              - {name: a, grid: US-OH, capacity: "20 MW"}
            fleet:
              - {accelerator: H100-SXM, count: 64, site: a}
            jobMix:
              - {name: crowd, site: a, accelerator: H100-SXM, arrivalsPerDay: 40,
                 accelerators: {min: 32, max: 64}, duration: {median: "12 h", spread: 0.5}}
            """;

    /** An HTML comment opener followed by a script tag puts the HTML parser in its double-escaped state. */
    private static final String COMMENT_OPENER = "# text that looks like markup: <!--<script>\n" + TestScenarios.WEEK;

    private static final List<String> SIMULATION_HEADINGS = List.of(
            "Headline",
            "Site power against grid capacity",
            "Accelerators by state",
            "Utilisation",
            "Power load-duration by site",
            "Energy, water and emissions by site and month",
            "Cost over the horizon",
            "Training jobs",
            "Inference services",
            "Scenario",
            "Sources of the catalog figures used");

    private static final List<String> PLAN_HEADINGS = List.of(
            "Headline",
            "Sites: peak power against capacity",
            "Grid fit: required vs available power",
            "Over the horizon",
            "Emissions and water by site",
            "Cost",
            "Training",
            "Inference",
            "Scenario",
            "Sources of the catalog figures used");

    private static final List<String> OPTIMIZE_HEADINGS = java.util.stream.Stream.concat(
                    PLAN_HEADINGS.stream(), Stream.of("Optimiser"))
            .toList();

    @TempDir
    static Path dir;

    private static final List<String> runIds = new ArrayList<>();

    @BeforeAll
    static void recordRunsAndWriteReports() throws IOException {
        try (ResultsStore store = ResultsStore.open(dir.resolve("db.duckdb"), false)) {
            runIds.add(writeSimulation(store, "simulation", "report-small.yaml", TestScenarios.WEEK));
            runIds.add(writeSimulation(store, "rich-simulation", "report-rich.yaml", RICH));
            Scenario rich = scenario(RICH, "report-rich.yaml");
            String planId = store.recordPlan(
                    info("report-rich.yaml", RICH), rich, new Planner(Assumptions.builtIn()).plan(rich));
            HtmlReport.write(store, planId, report("plan"));
            runIds.add(planId);
            runIds.add(writeSimulation(store, "comment-opener", "comment-opener.yaml", COMMENT_OPENER));
            String optimizeId = store.recordOptimization(
                    info("report-rich.yaml", RICH),
                    rich,
                    new Planner(Assumptions.builtIn()).plan(rich),
                    "{\"report\": \"Optimal: 8 accelerators bought <b>\", \"planYaml\": \"name: chosen-plan\"}",
                    List.of(new dev.gigawatt.metrics.Kpis.Kpi("optimize.capex_usd", 1e9, "USD")),
                    ResultsStore.BeforeCommit.NOTHING);
            HtmlReport.write(store, optimizeId, report("optimize"));
            runIds.add(optimizeId);
            writeSimulation(store, "queued", "report-queued.yaml", QUEUED);
        }
    }

    private static String writeSimulation(ResultsStore store, String name, String file, String yaml)
            throws IOException {
        Scenario s = scenario(yaml, file);
        String id = store.recordSimulation(
                info(file, yaml), s, FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO)));
        HtmlReport.write(store, id, report(name));
        return id;
    }

    private static Scenario scenario(String yaml, String file) {
        return ScenarioReader.parse(yaml, file, Catalog.builtIn());
    }

    private static RunInfo info(String file, String yaml) {
        return new RunInfo(
                file, yaml, Instant.parse("2026-01-02T03:04:05.123456Z"), Instant.parse("2026-01-02T03:04:06Z"));
    }

    private static Path report(String name) {
        return dir.resolve(name + ".html");
    }

    private static String html(String name) throws IOException {
        return Files.readString(report(name), StandardCharsets.UTF_8);
    }

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of("simulation", SIMULATION_HEADINGS),
                Arguments.of("rich-simulation", SIMULATION_HEADINGS),
                Arguments.of("plan", PLAN_HEADINGS),
                Arguments.of("optimize", OPTIMIZE_HEADINGS));
    }

    // ---- in the browser ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    @Timeout(90)
    void browser_report_rendersEveryChartWithoutJsErrors(String name, List<String> headings) throws Exception {
        String dom = dumpDom(report(name));

        int expected = bodyAttribute(dom, "data-charts-expected");
        assertThat(expected).as("charts the page set out to draw").isPositive();
        assertThat(bodyAttribute(dom, "data-charts-rendered")).isEqualTo(expected);
        assertThat(count(dom, "data-rendered=\"true\"")).isEqualTo(expected);
        assertThat(jsErrors(dom)).isEmpty();
        assertThat(headings(dom)).containsAll(headings);
    }

    @Test
    @Timeout(90)
    void browser_richSimulation_drawsSixteenChartsAndTheJobMixTable() throws Exception {
        String dom = dumpDom(report("rich-simulation"));

        // power, accelerators by state, utilisation, load-duration, energy, water, CO2e, capex (stock),
        // costs (flows), monthly cost, training timeline, failures by job, queue length, waits, SLO
        // attainment, tokens.
        assertThat(bodyAttribute(dom, "data-charts-rendered")).isEqualTo(RICH_CHARTS);
        assertThat(headings(dom)).contains("Job mixes");
        assertThat(dom).contains("research").contains("report-rich — simulation");
    }

    @Test
    @Timeout(90)
    void browser_richSimulation_showsTokensInShortScaleAndTheStartToTheSecond() throws Exception {
        String dom = dumpDom(report("rich-simulation"));

        assertThat(dom).containsPattern("<td>\\d+\\.\\d [kMBT] tokens</td>");
        assertThat(dom).doesNotContainPattern("\\d{1,3}(,\\d{3}){3,}");
        assertThat(dom).contains("2026-01-02 03:04:05 UTC").doesNotContain("05.123456");
    }

    @Test
    @Timeout(90)
    void browser_optimize_showsTheOptimisersReportAndThePlanAsText() throws Exception {
        String dom = dumpDom(report("optimize"));

        assertThat(dom)
                .contains("report-rich — optimised plan")
                .contains("Optimal: 8 accelerators bought &lt;b&gt;")
                .contains("name: chosen-plan");
    }

    @Test
    @Timeout(90)
    void browser_plan_tabulatesTheGridShortfallItChartsAndShowsTheBudget() throws Exception {
        String dom = dumpDom(report("plan"));

        // Site b's 1,024 H100 need about 1.5 MW at full load on a 500 kW connection.
        assertThat(dom).containsPattern("<td>b</td><td class=\"text\">2025-01-20</td>");
        assertThat(dom).containsPattern("<td class=\"bad\">\\d[.\\d]* [kM]W</td>");
        assertThat(dom).contains("capex budget").contains("$50.0M");
        // The horizon's totals, under the names a simulation gives them.
        assertThat(dom).contains("<th>accelerator-hours</th>").contains("<th>electricity</th>");
    }

    @Test
    @Timeout(90)
    void browser_scenarioTextWithClosingScriptTag_isShownAsText() throws Exception {
        String dom = dumpDom(report("rich-simulation"));

        assertThat(dom).contains("&lt;/script&gt;&lt;script&gt;document.title='pwned'");
        assertThat(dom).doesNotContain("<title>pwned</title>");
        assertThat(bodyAttribute(dom, "data-charts-rendered")).isEqualTo(RICH_CHARTS);
    }

    @Test
    @Timeout(90)
    void browser_scenarioTextWithHtmlCommentOpener_stillRendersEveryChart() throws Exception {
        String dom = dumpDom(report("comment-opener"));

        int expected = bodyAttribute(dom, "data-charts-expected");
        assertThat(expected).isPositive();
        assertThat(bodyAttribute(dom, "data-charts-rendered")).isEqualTo(expected);
        assertThat(jsErrors(dom)).isEmpty();
    }

    // ---- without a browser ----

    @ParameterizedTest
    @ValueSource(strings = {"simulation", "rich-simulation", "plan"})
    void render_report_isSelfContained(String name) throws IOException {
        String html = html(name);

        Pattern remote = Pattern.compile(
                "<(script|link|img|iframe)\\b[^>]*\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//",
                Pattern.CASE_INSENSITIVE);
        assertThat(remote.matcher(html).find())
                .as("a tag loading a remote resource")
                .isFalse();
        assertThat(Pattern.compile("<script\\b[^>]*\\bsrc\\s*=", Pattern.CASE_INSENSITIVE)
                        .matcher(html)
                        .find())
                .as("a script loaded from a file")
                .isFalse();
        assertThat(html).contains("echarts.init").contains("Apache ECharts");
        assertThat(html.length()).as("ECharts is inlined (about 1 MB)").isGreaterThan(500_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void render_report_embedsItsRunIdInTheData(int index) throws IOException {
        String name = List.of("simulation", "rich-simulation", "plan").get(index);

        String data = dataJson(html(name));

        assertThat(runIds.get(index)).isNotBlank();
        assertThat(stringField(data, "runId")).isEqualTo(runIds.get(index));
    }

    @Test
    void render_scenarioTextWithClosingScriptTag_neverClosesTheDataElement() throws IOException {
        String html = html("rich-simulation");
        String data = dataJson(html);

        assertThat(data.toLowerCase(Locale.ROOT)).doesNotContain("</script");
        assertThat(stringField(data, "scenarioText")).isEqualTo(RICH);
        assertThat(topLevelFields(data))
                .as("the data element holds the whole JSON object")
                .contains("runId", "summary", "sources", "daily", "monthly", "timeline", "mixes");
    }

    @Test
    void render_scenarioTextWithHtmlCommentOpener_isEscapedInTheData() throws IOException {
        String data = dataJson(html("comment-opener"));

        assertThat(data).doesNotContain("<!--");
        assertThat(stringField(data, "scenarioText")).isEqualTo(COMMENT_OPENER);
    }

    @Test
    void render_richSimulation_hasDataForEveryChartKind() throws IOException {
        String data = dataJson(html("rich-simulation"));

        assertThat(data).contains("\"name\":\"a\"", "\"name\":\"b\"");
        assertThat(data).containsPattern("\"cappedDays\":\\[\"2025-01-2\\d\"");
        assertThat(data).containsPattern("\"failures\":\\[\\{\"days\":");
        assertThat(data).containsPattern("\"mixes\":\\[\\{\"mix\":\"research\"");
        assertThat(data).containsPattern("\"jobs\":\\[\\{\"name\":\"j\"");
        assertThat(data).containsPattern("\"states\":\\{\"training\":\\[\\d");
        assertThat(data).containsPattern("\"loadDuration\":\\[\\{\"name\":\"a\",\"hours\":504,");
        assertThat(data).containsPattern("\"queues\":\\{\"waitBins\":\\[\"no wait\"");
        assertThat(data).containsPattern("\"mixes\":\\[\\{\"mix\":\"research\",\"maxWaiting\":\\[");
        assertThat(data).containsPattern("\"energyCostUsd\":\\[\\d");
    }

    /**
     * The measured defect: a mix's mean wait counted a job that never started as starting at hour 0, so
     * a crowded mix read a negative wait. The report counts such a job as waiting until the horizon's
     * end, as the simulation summary does, and says how many never started.
     */
    @Test
    void render_mixWithJobsThatNeverStart_hasTheSummarysMeanWaitAndCountsThem() throws IOException {
        String data = dataJson(html("queued"));

        // The summary is the simulation's JSON as recorded, pretty-printed; the names matched have no spaces.
        String json = data.replaceAll("\\s+", "");
        Matcher summary = Pattern.compile("\"jobMixes\":\\[\\{\"name\":\"crowd\",\"jobs\":(\\d+),\"started\":(\\d+),"
                        + "\"completed\":\\d+,\"meanWaitHours\":([-0-9.eE]+)")
                .matcher(json);
        Matcher report = Pattern.compile("\"mixes\":\\[\\{\"mix\":\"crowd\",\"jobs\":([0-9.]+),\"finished\":[0-9.]+,"
                        + "\"meanWaitHours\":([-0-9.eE]+),\"notStarted\":([0-9.]+),")
                .matcher(json);
        assertThat(summary.find()).as("the mix in the simulation summary").isTrue();
        assertThat(report.find())
                .as(
                        "the mix in the report's table data: %s",
                        json.substring(json.indexOf("\"mixes\":")).substring(0, 200))
                .isTrue();
        int jobs = Integer.parseInt(summary.group(1));
        int notStarted = jobs - Integer.parseInt(summary.group(2));
        assertThat(notStarted).as("jobs that never started").isPositive();
        assertThat(Double.parseDouble(report.group(3))).isEqualTo(notStarted);
        assertThat(Double.parseDouble(report.group(1))).isEqualTo(jobs);
        double meanWaitHours = Double.parseDouble(summary.group(3));
        assertThat(meanWaitHours).isPositive();
        assertThat(Double.parseDouble(report.group(2))).isCloseTo(meanWaitHours, within(1e-6));
    }

    // ---- helpers ----

    private static String dumpDom(Path page) throws Exception {
        return HeadlessChromium.dumpDom(page, Files.createTempDirectory(dir, "chromium"), 10_000);
    }

    /** An attribute of the document's body (the first body tag; ECharts' code mentions others later). */
    private static int bodyAttribute(String dom, String attribute) {
        Matcher body = Pattern.compile("<body\\b[^>]*>").matcher(dom);
        assertThat(body.find()).as("a body tag").isTrue();
        Matcher value = Pattern.compile("\\b" + attribute + "=\"(\\d+)\"").matcher(body.group());
        assertThat(value.find()).as("%s on %s", attribute, body.group()).isTrue();
        return Integer.parseInt(value.group(1));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static String jsErrors(String dom) {
        Matcher m = Pattern.compile("<div id=\"js-errors\">(.*?)</div>", Pattern.DOTALL)
                .matcher(dom);
        assertThat(m.find()).as("the #js-errors element").isTrue();
        return m.group(1);
    }

    private static List<String> headings(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<h2>([^<]*)</h2>").matcher(dom);
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }

    /** The text of the embedded data element, as the HTML parser would end it. */
    private static String dataJson(String html) {
        String open = "<script id=\"data\" type=\"application/json\">";
        int start = html.indexOf(open);
        assertThat(start).as("the data element").isNotNegative();
        int end = html.toLowerCase(Locale.ROOT).indexOf("</script", start);
        return html.substring(start + open.length(), end);
    }

    /** The top-level field names of the data JSON; fails unless the text is one complete object. */
    private static List<String> topLevelFields(String json) throws IOException {
        List<String> names = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                names.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextToken()).as("text after the object").isNull();
        }
        return names;
    }

    /** A top-level string field of the data JSON, unescaped by a JSON parser. */
    private static String stringField(String json, String field) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(field)) {
                    return p.getText();
                }
                p.skipChildren();
            }
        }
        throw new AssertionError("no field " + field + " in the data JSON");
    }
}
