package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.fixtures.TestScenarios;
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
import java.nio.ByteBuffer;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout of every chart of every kind of report, small and at hyperscale (the meta-2025 example,
 * with its billions of dollars and trillions of tokens): {@code layout-probe.js} reads where ECharts drew
 * each chart's title, legend, axis names and axis labels, and no two of them may overlap or leave the
 * chart; the probe also records each series' colour, so one colour per site can be checked. Each report
 * is also saved as a whole-page screenshot for people to look at.
 */
class ReportLayoutTest {
    /** Surefire runs in the module folder; screenshots are kept for reviewers. */
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    private static final Path EXAMPLES = Path.of("..", "examples");

    /** A plan sweep of the rich scenario over both sites' PUE. */
    private static final String RICH_SWEEP = """
            name: report-rich-sweep
            scenario: report-rich.yaml
            mode: plan
            design: grid
            axes:
              - {path: "sites[a].pue", values: [1.1, 1.2, 1.3]}
              - {path: "sites[b].pue", values: [1.1, 1.25, 1.4]}
            outputs: [tco_usd_per_year, capex_in_horizon_usd, site.b.peak_facility_power_mw]
            """;

    @TempDir
    static Path dir;

    private static final Map<String, List<String>> records = new HashMap<>();

    @BeforeAll
    static void recordRunsAndWriteReports() throws IOException {
        String meta = Files.readString(EXAMPLES.resolve("meta-2025.yaml"), StandardCharsets.UTF_8);
        String metaSweep = Files.readString(
                        EXAMPLES.resolve("sweeps").resolve("meta-2025-uncertainty.yaml"), StandardCharsets.UTF_8)
                .replace("mode: simulate", "mode: plan")
                .replace("samples: 12", "samples: 40")
                .replaceAll(
                        "(?m)^outputs: .*$",
                        "outputs: [tco_usd_per_year, capex_in_horizon_usd, energy_mwh_per_year, usd_per_gpu_hour]");
        try (ResultsStore store = ResultsStore.open(dir.resolve("db.duckdb"), false)) {
            simulation(store, "simulation", "report-small.yaml", TestScenarios.WEEK);
            simulation(store, "rich-simulation", "report-rich.yaml", ReportBrowserTest.RICH);
            plan(store, "plan", "report-rich.yaml", ReportBrowserTest.RICH);
            Files.writeString(dir.resolve("report-rich.yaml"), ReportBrowserTest.RICH, StandardCharsets.UTF_8);
            sweep(store, "sweep", RICH_SWEEP, dir, ReportBrowserTest.RICH);
            simulation(store, "meta-2025-simulation", "meta-2025.yaml", meta);
            plan(store, "meta-2025-plan", "meta-2025.yaml", meta);
            sweep(store, "meta-2025-sweep", metaSweep, EXAMPLES.resolve("sweeps"), meta);
        }
    }

    private static void simulation(ResultsStore store, String name, String file, String yaml) throws IOException {
        Scenario s = ScenarioReader.parse(yaml, file, Catalog.builtIn());
        write(
                store,
                name,
                store.recordSimulation(
                        info(file, yaml),
                        s,
                        FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.EASY_BACKFILL))));
    }

    private static void plan(ResultsStore store, String name, String file, String yaml) throws IOException {
        Scenario s = ScenarioReader.parse(yaml, file, Catalog.builtIn());
        write(store, name, store.recordPlan(info(file, yaml), s, new Planner(Assumptions.builtIn()).plan(s)));
    }

    /** Records a sweep whose scenario path starts in {@code folder}, as the sweep file in it would. */
    private static void sweep(ResultsStore store, String name, String sweepYaml, Path folder, String scenarioYaml)
            throws IOException {
        SweepSpec spec = SweepReader.parse(sweepYaml, name + ".yaml", folder);
        List<SweepPoint> points = SweepDesign.points(spec);
        SweepResult result =
                new SweepResult(spec, points, new LocalSweepEngine(1).run(spec, scenarioYaml, points, done -> {}));
        write(store, name, store.recordSweep(info(name + ".yaml", sweepYaml), result, name));
    }

    private static void write(ResultsStore store, String name, String runId) throws IOException {
        String html = HtmlReport.render(store, runId);
        Files.writeString(dir.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + "-probe.html"), withProbe(html), StandardCharsets.UTF_8);
    }

    private static RunInfo info(String file, String yaml) {
        return new RunInfo(file, yaml, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "simulation",
                "rich-simulation",
                "plan",
                "sweep",
                "meta-2025-simulation",
                "meta-2025-plan",
                "meta-2025-sweep"
            })
    @Timeout(120)
    void browser_everyChart_hasNoOverlappingTitleLegendAxisNamesOrLabels(String name) throws Exception {
        List<String> record = record(name);

        assertThat(lines(record, "done")).as("the probe finished").hasSize(1);
        assertThat(lines(record, "failure")).as("the probe failed").isEmpty();
        assertThat(lines(record, "errors")).as("JavaScript errors").containsExactly("");
        List<String> charts = lines(record, "chart");
        assertThat(charts).as("charts measured").isNotEmpty();
        assertThat(charts)
                .as("every chart has its title and axis labels measured")
                .allMatch(c -> c.contains("title0=1") && c.contains("axis labels="));
        assertThat(lines(record, "overlap"))
                .as("parts of a chart drawn over each other")
                .isEmpty();
        assertThat(lines(record, "outside"))
                .as("parts drawn outside their chart")
                .isEmpty();
    }

    /**
     * A series named after a site (the site's name, alone or followed by what it shows) is drawn in
     * that site's colour in every chart, each site has its own colour, and no other series takes one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"rich-simulation", "plan", "meta-2025-simulation", "meta-2025-plan"})
    @Timeout(120)
    void browser_siteColours_areOnePerSiteInEveryChartAndUsedByNoOtherSeries(String name) throws Exception {
        List<String> record = record(name);
        List<String> sites = lines(record, "site");
        Map<String, String> colourOfSite = new HashMap<>();
        List<String[]> others = new java.util.ArrayList<>();
        for (String s : lines(record, "series")) {
            String[] f = s.split("\t", -1);
            String series = f[2];
            String colour = f[3];
            String site = sites.stream()
                    .filter(n -> series.equals(n) || series.startsWith(n + " "))
                    .max(java.util.Comparator.comparingInt(String::length))
                    .orElse(null);
            if (site == null) {
                others.add(f);
                continue;
            }
            assertThat(colourOfSite.putIfAbsent(site, colour))
                    .as("colour of site %s in chart \"%s\" (series \"%s\")", site, f[1], series)
                    .isIn(null, colour);
        }
        assertThat(sites).as("sites of the report").hasSizeGreaterThan(1);
        assertThat(colourOfSite).as("sites drawn as series").isNotEmpty();
        assertThat(colourOfSite.values()).as("one colour per site").doesNotHaveDuplicates();
        for (String[] f : others) {
            assertThat(colourOfSite.values())
                    .as("series \"%s\" of chart \"%s\" names no site but is in a site's colour", f[2], f[1])
                    .doesNotContain(f[3]);
        }
    }

    /**
     * The threshold field under each exceedance curve answers P(output > x) for what a reader types:
     * every run is above 0 (the outputs here are positive), none above 10^30, text is no number, and
     * a dollar output takes its example, "$65B" (the meta-2025 capex budget).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sweep", "meta-2025-sweep"})
    @Timeout(120)
    void browser_exceedanceThreshold_givesTheShareOfRunsAboveWhatIsTyped(String name) throws Exception {
        List<String[]> answers = lines(record(name), "threshold").stream()
                .map(l -> l.split("\t", -1))
                .toList();

        assertThat(answers).as("threshold answers").isNotEmpty();
        for (String[] a : answers) {
            String typed = a[0];
            String text = a[1];
            switch (typed) {
                case "0" -> assertThat(text).containsPattern("\\) = 100\\.0% \\((\\d+) of \\1 runs above ");
                case "1e30" -> assertThat(text).contains(") = 0.0% (0 of ");
                case "x" -> assertThat(text).endsWith(") = not a number");
                case "$65B" ->
                    assertThat(text).containsPattern("\\) = \\d+\\.\\d% \\(\\d+ of \\d+ runs above \\$65\\.0B");
                default -> throw new AssertionError("typed " + typed);
            }
        }
        assertThat(answers).as("a dollar output's example typed").anyMatch(a -> a[0].equals("$65B"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "simulation",
                "rich-simulation",
                "plan",
                "sweep",
                "meta-2025-simulation",
                "meta-2025-plan",
                "meta-2025-sweep"
            })
    @Timeout(120)
    void browser_screenshot_showsTheWholePage(String name) throws Exception {
        int height = Integer.parseInt(lines(record(name), "height").get(0));
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        Files.deleteIfExists(png);

        HeadlessChromium.Output out = HeadlessChromium.run(
                Files.createTempDirectory(dir, name + "-shot"),
                "--window-size=1300," + height,
                "--virtual-time-budget=10000",
                "--screenshot=" + png,
                dir.resolve(name + ".html").toUri().toString());

        assertThat(out.exitCode())
                .as("chromium exit code; stderr:%n%s", out.stderr())
                .isZero();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        // IHDR: width and height follow the 8-byte signature, the chunk length and its type.
        assertThat(ByteBuffer.wrap(bytes, 16, 8).getInt()).isEqualTo(1300);
        assertThat(ByteBuffer.wrap(bytes, 20, 4).getInt()).isEqualTo(height);
        // A blank page of that size compresses to a few kB; a rendered report is hundreds of kB.
        assertThat(bytes.length).isGreaterThan(100_000);
    }

    // ---- helpers ----

    private static String withProbe(String html) throws IOException {
        String probe;
        try (InputStream in = ReportLayoutTest.class.getResourceAsStream("layout-probe.js")) {
            probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int body = html.lastIndexOf("</body>");
        return html.substring(0, body) + "<script>\n" + probe + "</script>\n" + html.substring(body);
    }

    /** The probe's record of a report; once per report, kept for the other test. */
    private static synchronized List<String> record(String name) throws Exception {
        if (!records.containsKey(name)) {
            String dom = HeadlessChromium.dumpDom(
                    dir.resolve(name + "-probe.html"), Files.createTempDirectory(dir, name), 10_000);
            Matcher m = Pattern.compile("<pre id=\"layout\">([A-Za-z0-9+/=]*)</pre>")
                    .matcher(dom);
            assertThat(m.find()).as("the probe's record in the page").isTrue();
            String text = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
            Path probes = Path.of("target", "report-probes");
            Files.createDirectories(probes);
            Files.writeString(probes.resolve(name + "-layout.txt"), text, StandardCharsets.UTF_8);
            records.put(name, List.of(text.split("\n")));
        }
        return records.get(name);
    }

    private static List<String> lines(List<String> record, String kind) {
        return record.stream()
                .filter(l -> l.equals(kind) || l.startsWith(kind + "\t"))
                .map(l -> l.substring(Math.min(l.length(), kind.length() + 1)))
                .toList();
    }
}
