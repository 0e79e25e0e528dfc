package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import dev.gigawatt.sweep.LocalSweepEngine;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepReader;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The HTML report of runs whose every user-chosen name (scenario, sites, grid, accelerator, server,
 * model, training jobs, job mix, service, sweep, its paths and outputs) and catalog source (a
 * {@code javascript:} URL) is markup that runs script if it reaches the page as HTML. Each report is opened in headless Chromium with {@code tooltip-probe.js},
 * which shows the tooltip of every data item of every chart, by ECharts' showTip action and by a
 * pointer moved onto and clicked on the item; no injected script may run, no injected element may
 * appear, and the names must show in the tooltips as text.
 */
class ReportHostileNamesTest {
    /** Each payload sets {@code window.__pwned} to its own number, so a failure names the field. */
    private static String img(int id) {
        return "\"><img src=x onerror=window.__pwned=" + id + ">";
    }

    private static String script(int id) {
        return "<script>window.__pwned=" + id + "</script>";
    }

    private static String svg(int id) {
        return "</script><svg onload=window.__pwned=" + id + ">";
    }

    /** Quotes that would end an attribute value, and entity text that must stay as written. */
    private static final String QUOTES = "' onmouseover='window.__pwned=9' \"&lt;b&gt;\"";

    private static final String SCENARIO = "scenario " + script(1) + QUOTES;
    private static final String SITE_A = "a" + img(2);
    private static final String SITE_B = "b" + svg(3) + QUOTES;
    private static final String GRID = "grid" + img(4);
    private static final String JOB_J = "j" + img(5);
    private static final String JOB_K = "k" + script(6) + QUOTES;
    private static final String MIX = "mix" + img(7);
    private static final String SERVICE = "chat" + svg(8) + QUOTES;
    private static final String ACCELERATOR = "X1" + img(10);
    private static final String SERVER = "X1-Box" + script(11);
    private static final String MODEL = "m" + img(12);
    private static final String SOURCE = "javascript:window.__pwned=13//" + img(15);
    private static final String SWEEP = "sweep" + img(14) + QUOTES;
    private static final String PATH = "sites[" + SITE_A + "].pue";
    private static final String OUTPUT = "site." + SITE_A + ".peak_facility_power_mw";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("SCENARIO", SCENARIO),
            Map.entry("SITE_A", SITE_A),
            Map.entry("SITE_B", SITE_B),
            Map.entry("GRID", GRID),
            Map.entry("JOB_J", JOB_J),
            Map.entry("JOB_K", JOB_K),
            Map.entry("MIX", MIX),
            Map.entry("SERVICE", SERVICE),
            Map.entry("ACCELERATOR", ACCELERATOR),
            Map.entry("SERVER", SERVER),
            Map.entry("MODEL", MODEL),
            Map.entry("SOURCE", SOURCE),
            Map.entry("SWEEP", SWEEP),
            Map.entry("PATH", PATH),
            Map.entry("OUTPUT", OUTPUT));

    /**
     * Site b's 500 kW is outgrown by its job (power-capped days), job j fails (seed 3) and the
     * service chooses between two accelerators: every chart of the simulation and plan reports has data.
     */
    private static final String YAML = fill("""
            name: @SCENARIO@
            seed: 3
            horizon: {start: 2025-01-20, end: 2025-02-10}
            catalog:
              accelerators:
                - {name: @ACCELERATOR@, vendor: Acme, kind: gpu, year: 2024, peak: {bf16: "989 TFLOPS", fp8: "1979 TFLOPS"},
                   memory: "80 GB", memoryBandwidth: "3.35 TB/s", tdp: "700 W", idlePower: "70 W", server: @SERVER@,
                   price: "$20,000", embodiedCarbon: {low: "150 kg", high: "400 kg"}, source: @SOURCE@}
              servers:
                - {name: @SERVER@, accelerator: @ACCELERATOR@, acceleratorsPerServer: 8, serversPerRack: 4,
                   hostPower: "4.6 kW", hostIdlePower: "1.5 kW", source: @SOURCE@}
              models:
                - {name: @MODEL@, family: llama-3, architecture: dense, parameters: 8.03e9, activeParameters: 8.03e9,
                   layers: 32, hiddenSize: 4096, heads: 32, kvHeads: 8, headDim: 128, vocabulary: 128256,
                   contextLength: 131072, trainingTokens: 15.0e12, source: @SOURCE@}
              grids:
                - {name: @GRID@, carbonIntensity: "400 gCO2e/kWh", waterIntensity: "2 L/kWh",
                   electricityPrice: "$80/MWh", source: @SOURCE@}
            sites:
              - {name: @SITE_A@, grid: US-OH, capacity: "20 MW"}
              - {name: @SITE_B@, grid: @GRID@, capacity: "500 kW"}
            fleet:
              - {accelerator: H100-SXM, count: 1024, site: @SITE_A@}
              - {accelerator: @ACCELERATOR@, count: 512, site: @SITE_A@}
              - {accelerator: H100-SXM, count: 1024, site: @SITE_B@}
            training:
              - {name: @JOB_J@, model: @MODEL@, tokens: 2T, accelerators: 512, accelerator: H100-SXM, site: @SITE_A@}
              - {name: @JOB_K@, model: llama-3.1-8b, tokens: 1T, accelerators: 512, accelerator: H100-SXM, site: @SITE_B@}
            jobMix:
              - {name: @MIX@, site: @SITE_A@, accelerator: H100-SXM, arrivalsPerDay: 20,
                 accelerators: {min: 8, max: 256}, duration: {median: "6 h", spread: 1.0}}
            inference:
              - {name: @SERVICE@, model: llama-3.1-8b, users: 1M, requestsPerUserPerDay: 5, inputTokens: 500,
                 outputTokens: 200, slo: {ttft: "1 s", tpot: "50 ms"}, accelerator: choose}
            """);

    /** A plan sweep over site a's PUE; its input path and an output carry the site's name. */
    private static final String SWEEP_YAML = fill("""
            name: @SWEEP@
            scenario: hostile.yaml
            mode: plan
            design: grid
            axes:
              - {path: @PATH@, values: [1.1, 1.3]}
            outputs: [tco_usd_per_year, @OUTPUT@]
            """);

    /** Surefire runs in the module folder; the probe's records are kept for people to read. */
    private static final Path PROBES = Path.of("target", "report-probes");

    @TempDir
    static Path dir;

    private static final Map<String, Page> pages = new HashMap<>();

    @BeforeAll
    static void recordRunsAndWriteReports() throws IOException {
        Files.writeString(dir.resolve("hostile.yaml"), YAML, StandardCharsets.UTF_8);
        Scenario s = ScenarioReader.parse(YAML, "hostile.yaml", Catalog.builtIn());
        SweepSpec spec = SweepReader.parse(SWEEP_YAML, "sweep.yaml", dir);
        List<SweepPoint> points = SweepDesign.points(spec);
        SweepResult sweep = new SweepResult(spec, points, new LocalSweepEngine(1).run(spec, YAML, points, done -> {}));
        try (ResultsStore store = ResultsStore.open(dir.resolve("db.duckdb"), false)) {
            Map<String, String> runs = Map.of(
                    "simulation",
                    store.recordSimulation(
                            info("hostile.yaml", YAML),
                            s,
                            FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO))),
                    "plan",
                    store.recordPlan(info("hostile.yaml", YAML), s, new Planner(Assumptions.builtIn()).plan(s)),
                    "sweep",
                    store.recordSweep(info("sweep.yaml", SWEEP_YAML), sweep, "hostile.yaml"));
            for (Map.Entry<String, String> run : runs.entrySet()) {
                String html = withProbe(HtmlReport.render(store, run.getValue()));
                Files.writeString(dir.resolve(run.getKey() + ".html"), html, StandardCharsets.UTF_8);
            }
        }
    }

    /** Each report, the names its tooltips must show, and names the rest of the page must show as text. */
    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of(
                        "simulation",
                        List.of(SITE_A, SITE_B, JOB_J, JOB_K, SERVICE),
                        List.of(SCENARIO, MIX, ACCELERATOR, SERVER, MODEL, GRID, SOURCE)),
                Arguments.of(
                        "plan", List.of(SITE_A, SITE_B, ACCELERATOR), List.of(SCENARIO, JOB_J, MODEL, GRID, SOURCE)),
                Arguments.of("sweep", List.of(PATH), List.of(SWEEP, OUTPUT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    @Timeout(120)
    void browser_everyTooltipOfHostileNames_runsNoScriptAndShowsTheNamesAsText(
            String report, List<String> inTooltips, List<String> inPage) throws Exception {
        Page page = page(report);

        assertThat(page.lines("done")).as("the probe finished").hasSize(1);
        assertThat(page.lines("failure")).as("the probe failed").isEmpty();
        assertThat(page.lines("pwned"))
                .as("window.__pwned, set by injected script")
                .containsExactly("no");
        assertThat(page.lines("stranger"))
                .as("elements in tooltips that ECharts does not make")
                .isEmpty();
        assertThat(page.lines("element"))
                .as("injected elements left in the page")
                .isEmpty();
        assertThat(page.lines("attribute"))
                .as("event handler or javascript: attributes")
                .isEmpty();
        assertThat(page.lines("scripts"))
                .as("scripts before and after the hovering")
                .containsExactly("5\t5");
        assertThat(page.lines("errors")).as("JavaScript errors").containsExactly("");
        List<String> tips = page.lines("tip");
        List<String> charts = page.lines("chart");
        assertThat(charts).isNotEmpty();
        for (int i = 0; i < charts.size(); i++) {
            String shown = "showTip\t" + i + "\t";
            assertThat(tips)
                    .as("a tooltip on chart %s", charts.get(i))
                    .anyMatch(t -> t.startsWith(shown) && !t.endsWith("\t"));
        }
        assertThat(tips).as("a tooltip shown by the mouse").anyMatch(t -> t.startsWith("hover\t") && !t.endsWith("\t"));
        for (String name : inTooltips) {
            assertThat(tips).as("a tooltip showing %s", name).anyMatch(t -> t.contains(name));
        }
        for (String name : inPage) {
            assertThat(page.dom()).as("%s as text in the page", name).contains(asSerialisedText(name));
        }
    }

    /** The measured defect: hovering a bar of the training timeline ran the job name's onerror handler. */
    @Test
    @Timeout(120)
    void browser_trainingTimeline_hoveredAndClickedItemsShowTheJobNamesAsText() throws Exception {
        Page page = page("simulation");

        String timeline = page.lines("chart").stream()
                .filter(c -> c.contains("\tTraining timeline"))
                .findFirst()
                .orElseThrow()
                .split("\t")[0];
        for (String how : List.of("hover", "click")) {
            List<String> tips = page.lines("tip").stream()
                    .filter(t -> t.startsWith(how + "\t" + timeline + "\t"))
                    .toList();
            String bar = how + "\t" + timeline + "\t0\t";
            String failure = how + "\t" + timeline + "\t1\t0\t";
            assertThat(tips).anyMatch(t -> t.startsWith(bar + "0\t" + JOB_J + ": day 0.0 to "));
            assertThat(tips).anyMatch(t -> t.startsWith(bar + "1\t" + JOB_K + ": day 0.0 to "));
            assertThat(tips).anyMatch(t -> t.startsWith(failure + "failure of " + JOB_J + " at day "));
        }
        assertThat(page.lines("pwned")).containsExactly("no");
        assertThat(page.lines("stranger")).isEmpty();
    }

    /** The threshold field under each exceedance curve of the sweep names its output as text. */
    @Test
    @Timeout(120)
    void browser_sweepThresholdFields_nameTheirOutputsAsText() throws Exception {
        Page page = page("sweep");

        assertThat(page.dom()).contains("<label>P(" + asSerialisedText(OUTPUT) + " &gt; <input ");
        assertThat(page.dom()).contains("<label>P(tco_usd_per_year &gt; <input ");
        assertThat(page.lines("pwned")).containsExactly("no");
        assertThat(page.lines("element")).isEmpty();
    }

    // ---- helpers ----

    private static RunInfo info(String file, String yaml) {
        return new RunInfo(file, yaml, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z"));
    }

    /** The YAML text with each {@code @KEY@} replaced by that name as a double-quoted scalar. */
    private static String fill(String template) {
        String yaml = template;
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            yaml = yaml.replace("@" + e.getKey() + "@", quoted(e.getValue()));
        }
        return yaml;
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The report with the probe script as the last element of its body. */
    private static String withProbe(String html) throws IOException {
        String probe;
        try (InputStream in = ReportHostileNamesTest.class.getResourceAsStream("tooltip-probe.js")) {
            probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int body = html.lastIndexOf("</body>");
        return html.substring(0, body) + "<script>\n" + probe + "</script>\n" + html.substring(body);
    }

    /** A report as the probe left it: the dumped DOM and the probe's tab-separated record. */
    private record Page(String dom, List<String> record) {
        /** The record's lines of {@code kind}, without the kind. */
        List<String> lines(String kind) {
            return record.stream()
                    .filter(l -> l.equals(kind) || l.startsWith(kind + "\t"))
                    .map(l -> l.substring(Math.min(l.length(), kind.length() + 1)))
                    .toList();
        }
    }

    /** The report opened in Chromium with the probe; once per report, kept for the other tests. */
    private static synchronized Page page(String report) throws Exception {
        if (!pages.containsKey(report)) {
            Path work = Files.createTempDirectory(dir, report);
            String dom = HeadlessChromium.dumpDom(dir.resolve(report + ".html"), work, 60_000);
            Matcher m =
                    Pattern.compile("<pre id=\"probe\">([A-Za-z0-9+/=]*)</pre>").matcher(dom);
            assertThat(m.find()).as("the probe's record in the page").isTrue();
            String record = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
            Files.createDirectories(PROBES);
            Files.writeString(PROBES.resolve(report + ".txt"), record, StandardCharsets.UTF_8);
            pages.put(report, new Page(dom, List.of(record.split("\n"))));
        }
        return pages.get(report);
    }

    /** Text as Chromium serialises a text node: only {@code & < >} are escaped. */
    private static String asSerialisedText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
