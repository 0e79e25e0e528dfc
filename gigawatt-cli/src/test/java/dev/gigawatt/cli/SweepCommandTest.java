package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gigawatt.fixtures.TestScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code gigawatt sweep}: exit code, captured output and what it records. */
class SweepCommandTest {
    /** Surefire runs in the module folder, so the examples are one level up. */
    private static final Path QUICKSTART = Path.of("..", "examples", "quickstart.yaml");

    /** Reports go to runs/reports/ under the working directory; the tests delete the ones they cause. */
    private static final Pattern REPORT = Pattern.compile("(?m)^Report: (.+)$");

    private static final Pattern RUN = Pattern.compile("(?m)^Run (\\S+) recorded in (.+)$");

    /** Plan mode over the quickstart: three H100 prices, instant. */
    private static final String PLAN_SWEEP = """
            name: price-sweep
            scenario: quickstart.yaml
            mode: plan
            axes:
              - path: finance.acceleratorPrices.H100-SXM
                values: ["$20,000", "$25,000", "$30,000"]
            outputs: [capex_usd, tco_usd_per_year]
            """;

    /** A simulate-mode sweep of {@code tiny.yaml} beside it, four runs. */
    static final String SIM_SWEEP = """
            name: tiny-sweep
            scenario: tiny.yaml
            mode: simulate
            replications: 2
            design: random
            samples: 2
            uncertain:
              - path: sites[a].pue
                distribution: uniform
                min: 1.1
                max: 1.3
            outputs: [energy_mwh, interruptions]
            """;

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void copyScenarios() throws IOException {
        Files.copy(QUICKSTART, dir.resolve("quickstart.yaml"));
        Files.writeString(dir.resolve("tiny.yaml"), TestScenarios.TWO_DAYS, StandardCharsets.UTF_8);
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8)
                .toString();
    }

    private String db() {
        return dir.resolve("runs.duckdb").toString();
    }

    /** Deletes the HTML report that {@code text} names, and checks that it was written. */
    private static void deleteReport(String text) throws IOException {
        Matcher m = REPORT.matcher(text);
        assertThat(m.find()).as("a Report: line in %s", text).isTrue();
        Path report = Path.of(m.group(1).strip());
        assertThat(report).isRegularFile();
        assertThat(Files.readString(report)).contains("<html");
        Files.delete(report);
    }

    @Test
    void sweep_planModeOverQuickstart_printsTheTableAndRecordsTheRun_exit0() throws IOException {
        String file = write("plan-sweep.yaml", PLAN_SWEEP);

        CliRun r = run("sweep", file, "--threads", "2", "--db", db());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("price-sweep: 3 runs (3 points × 1 replications, plan, latin-hypercube)\n")
                .contains("output", "mean", "± 95% CI", "P10", "P50", "P90", "most sensitive to (Spearman ρ)")
                .containsPattern("(?m)^capex_usd .*finance\\.acceleratorPrices\\.H100-SXM \\(1\\.00\\)\\s*$")
                .containsPattern("(?m)^tco_usd_per_year .*finance\\.acceleratorPrices\\.H100-SXM \\(1\\.00\\)\\s*$");
        Matcher run = RUN.matcher(r.err());
        assertThat(run.find()).isTrue();
        assertThat(run.group(2).strip()).isEqualTo(db());
        deleteReport(r.err());
    }

    @Test
    void sweep_tinySimulateMode_printsTheOutputs_exit0() throws IOException {
        String file = write("sim-sweep.yaml", SIM_SWEEP);

        CliRun r = run("sweep", file, "--threads", "2", "--db", db(), "--no-report");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("tiny-sweep: 4 runs (2 points × 2 replications, simulate, random)\n")
                .containsPattern("(?m)^energy_mwh .*sites\\[a\\]\\.pue")
                .containsPattern("(?m)^interruptions ")
                .doesNotContain("recorded in", "Report:");
        assertThat(r.err()).containsPattern("(?m)^Run \\S+ recorded in ").doesNotContain("Report:");
    }

    @Test
    void sweep_jsonFormat_stdoutIsOnlyTheJson_exit0() throws IOException {
        String file = write("plan-sweep.yaml", PLAN_SWEEP);

        CliRun r = run("sweep", file, "--format", "json", "--db", db());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> keys = topLevelKeys(r.out());
        assertThat(keys).contains("schemaVersion", "name", "mode", "points", "outputs");
        assertThat(r.out()).contains("\"schemaVersion\" : 1", "\"name\" : \"capex_usd\"");
        assertThat(r.err()).containsPattern("(?m)^Run \\S+ recorded in ");
        deleteReport(r.err());
    }

    @Test
    void sweep_stoppedAfterTwoRunsThenResumed_summarisesAsAnUninterruptedSweep_exit0() throws IOException {
        String file = write("sim-sweep.yaml", SIM_SWEEP);
        CliRun whole = run("sweep", file, "--threads", "2", "--no-db", "-f", "json");
        assertThat(whole.exitCode()).as(whole.err()).isZero();

        CliRun stopped;
        System.setProperty("gigawatt.sweep.stopAfterRuns", "2");
        try {
            stopped = run("sweep", file, "--threads", "2", "--db", db(), "--no-report", "-f", "json");
        } finally {
            System.clearProperty("gigawatt.sweep.stopAfterRuns");
        }
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).isEqualTo("error: sweep stopped after 2 runs\n");
        CliRun partial = run(
                "query",
                "SELECT r.run_id, r.status, count(DISTINCT s.point * 1000 + s.replication) AS runs, count(k.name) AS kpis"
                        + " FROM runs r LEFT JOIN sweep_runs s USING (run_id) LEFT JOIN kpis k USING (run_id)"
                        + " GROUP BY ALL",
                "--db",
                db(),
                "--format",
                "csv");
        assertThat(partial.out()).containsPattern("(?m)^\\S+,partial,2,0$");
        String id = partial.out().lines().skip(1).findFirst().orElseThrow().split(",")[0];
        CliRun report = run("report", id, "--db", db());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err())
                .isEqualTo("error: run " + id + " is a partial sweep (stopped before it finished): complete it with"
                        + " gigawatt sweep " + file + " --resume " + id + "\n");

        CliRun resumed =
                run("sweep", file, "--threads", "2", "--db", db(), "--no-report", "-f", "json", "--resume", id);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).isEqualTo(whole.out());
        assertThat(resumed.err()).contains("Run " + id + " recorded in ");
        CliRun after = run("query", "SELECT status FROM runs", "--db", db(), "--format", "csv");
        assertThat(after.out()).isEqualTo("status\ncomplete\n");
        CliRun again = run("sweep", file, "--db", db(), "--no-report", "--resume", id);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("error: --resume: run " + id + " is a complete sweep, not a partial sweep\n");
    }

    @Test
    void sweep_resumeWithoutDb_isBadInput_exit2() throws IOException {
        String file = write("sim-sweep.yaml", SIM_SWEEP);

        CliRun r = run("sweep", file, "--no-db", "--resume", "20250101");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --resume needs the results database; drop --no-db\n");
    }

    @Test
    void sweep_noDb_recordsNothingAndSaysNothingAboutIt_exit0() throws IOException {
        String file = write("plan-sweep.yaml", PLAN_SWEEP);

        CliRun r = run("sweep", file, "--no-db");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out() + r.err()).contains("capex_usd").doesNotContain("recorded", "Report:");
        assertThat(dir.resolve("runs.duckdb")).doesNotExist();
    }

    @Test
    void sweep_badDistribution_namesThePath_noStackTrace_exit2() throws IOException {
        String file = write("bad.yaml", """
                name: bad
                scenario: quickstart.yaml
                uncertain:
                  - path: sites[0].pue
                    distribution: gaussian
                    mean: 1.2
                    sd: 0.05
                """);

        CliRun r = run("sweep", file, "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("error: " + file + " has ")
                .contains(file + ":5: uncertain[0].distribution: must be one of normal, lognormal, uniform,"
                        + " triangular, got \"gaussian\"")
                .doesNotContain("\tat ", "Exception", "--verbose");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("runs.duckdb")).doesNotExist();
    }

    @Test
    void sweep_pathToAMissingListItem_isAProblemOfTheSweepFileAtThePathsLine_exit2() throws IOException {
        String file = write("bad.yaml", """
                name: bad
                scenario: quickstart.yaml
                mode: plan
                axes:
                  - path: sites[nosuchsite].pue
                    values: [1.1, 1.2]
                """);

        CliRun r = run("sweep", file, "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        String base = dir.resolve("quickstart.yaml").toString();
        assertThat(r.err())
                .isEqualTo("error: " + file + " has 1 problem:\n"
                        + "  " + file + ":5: axes[0].path: does not fit the base scenario " + base
                        + ": sites[nosuchsite].pue: no list item [nosuchsite]\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sweep_valueInvalidForTheScenario_namesTheSweepPoint_exit2() throws IOException {
        String file = write("bad.yaml", """
                name: bad
                scenario: quickstart.yaml
                mode: plan
                axes:
                  - path: sites[columbus].capacity
                    values: ["50 MW", "100"]
                """);

        CliRun r = run("sweep", file, "--db", db());

        assertThat(r.exitCode()).isEqualTo(2);
        String base = dir.resolve("quickstart.yaml").toString();
        assertThat(r.err())
                .startsWith("error: " + base + " has 1 problem:\n")
                .contains(base + ":15: sites[0].capacity: needs a unit")
                .contains("(sweep point 1: {sites[columbus].capacity=100})")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void sweep_unknownOutput_isReportedWithAHint_exit2() throws IOException {
        String file = write("bad.yaml", PLAN_SWEEP.replace("outputs: [capex_usd,", "outputs: [capex_usdd,"));

        CliRun r = run("sweep", file, "--no-db");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("capex_usdd", "did you mean 'capex_usd'?");
    }

    @Test
    void sweep_missingFile_exit2() {
        CliRun r = run("sweep", dir.resolve("nope.yaml").toString(), "--no-db");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ");
    }

    @Test
    void query_afterASweep_findsItsRowsAndASweepRun() throws IOException {
        String file = write("plan-sweep.yaml", PLAN_SWEEP);
        assertThat(run("sweep", file, "--no-report", "--db", db()).exitCode()).isZero();

        CliRun runs = run("query", "SELECT count(*) AS n FROM sweep_runs", "--format", "csv", "--db", db());
        CliRun points =
                run("query", "SELECT point, value FROM sweep_points ORDER BY point", "--format", "csv", "--db", db());
        CliRun kind = run("query", "SELECT kind FROM runs", "--format", "csv", "--db", db());

        assertThat(runs.exitCode()).as(runs.err()).isZero();
        List<String> lines = runs.out().lines().toList();
        assertThat(lines).hasSize(2).first().isEqualTo("n");
        assertThat(Long.parseLong(lines.get(1).strip())).isGreaterThan(0);
        assertThat(points.out().lines())
                .containsExactly("point,value", "0,\"$20,000\"", "1,\"$25,000\"", "2,\"$30,000\"");
        assertThat(kind.out().lines()).containsExactly("kind", "sweep");
    }

    /** Parses {@code json} as one object and returns its top-level keys; fails on anything after it. */
    private static List<String> topLevelKeys(String json) throws IOException {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextToken()).as("nothing after the JSON object").isNull();
        }
        return keys;
    }
}
