package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Black-box tests of {@code gigawatt simulate}: exit code, captured output and the files it writes. */
class SimulateCommandTest {
    /** Surefire runs in the module folder, so the examples are one level up. */
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static final Path QUICKSTART = EXAMPLES.resolve("quickstart.yaml");

    /** The columns of site_hourly.csv, as CsvResultWriter documents them. */
    private static final String SITE_HOURLY_HEADER =
            "site,hour,time,it_energy_mwh,facility_energy_mwh,capacity_mw,co2e_tonnes_location,"
                    + "co2e_tonnes_market,water_m3,training_gpu_hours,serving_gpu_hours,idle_gpu_hours,"
                    + "repair_gpu_hours,running_jobs,served_tokens,demand_tokens,energy_cost_usd,training_throughput";

    private static final List<String> OUTPUT_FILES =
            List.of("site_hourly.csv", "jobs.csv", "job_events.csv", "services.csv", "summary.json");

    /** A small valid scenario: one site, two days, so it simulates in milliseconds. */
    private static final String SMALL = """
            name: small
            seed: 3
            horizon: {start: 2025-01-01, duration: "2 days"}
            sites:
              - {name: a, grid: US-OH, capacity: "10 MW"}
              - {name: b, grid: SE, capacity: "5 MW"}
            fleet:
              - {accelerator: H100-SXM, count: 1024, site: a}
              - {accelerator: H100-SXM, count: 512, site: b}
            training:
              - {name: j, model: llama-3.1-8b, tokens: 50B, accelerators: 512, accelerator: H100-SXM}
            reliability: {acceleratorMtbf: "5,000 h"}
            """;

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return args.length > 0 && args[0].equals("simulate") ? CliRun.withoutDb(args) : CliRun.of(args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> yaml = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
            assertThat(yaml).as("bundled examples").contains(QUICKSTART);
            return yaml.stream();
        }
    }

    @Test
    void simulate_quickstartNoOutput_printsEverySection_exit0() {
        CliRun r = run("simulate", QUICKSTART.toString(), "--no-output");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .startsWith("quickstart  simulated 2025-01-01 + 365 days, seed 42, replication 0\n")
                .contains("\nSites\n", "\nTraining jobs\n", "\nInference services\n", "\nFleet\n")
                .contains("columbus", "llama-70b-pretrain", "chat")
                .doesNotContain("Time series and event logs");
    }

    @Test
    void simulate_jsonFormat_hasTheSummaryKeys_exit0() {
        CliRun r = run("simulate", smallFile(), "--no-output", "--format", "json");

        assertThat(r.exitCode()).isZero();
        String json = r.out().strip();
        assertThat(json).startsWith("{").endsWith("}");
        assertThat(json)
                .contains(
                        "\"schemaVersion\" : 1",
                        "\"scenario\" : \"small\"",
                        "\"training\" : [",
                        "\"inference\" : [",
                        "\"fleet\" : {",
                        "\"hoursPowerCapped\" : ")
                .doesNotContain("Time series and event logs");
    }

    @Test
    void simulate_quickstartJson_hasTheSummaryKeys_exit0() {
        CliRun r = run("simulate", QUICKSTART.toString(), "--no-output", "--format", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "\"schemaVersion\"",
                        "\"training\"",
                        "\"inference\"",
                        "\"fleet\"",
                        "\"hoursPowerCapped\"",
                        "\"llama-70b-pretrain\"");
    }

    @Test
    void simulate_outToNewFolder_writesEveryFileWithOneRowPerSiteHour_exit0() throws IOException {
        Path out = dir.resolve("runs").resolve("first");

        CliRun r = run("simulate", smallFile(), "--out", out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\nSites\n").doesNotContain("Time series");
        assertThat(r.err()).isEqualTo("\nTime series and event logs: " + out + "\n");
        for (String file : OUTPUT_FILES) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
        List<String> lines = Files.readAllLines(out.resolve("site_hourly.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(SITE_HOURLY_HEADER);
        // Two sites × 48 hours, after the header.
        assertThat(lines).hasSize(1 + 2 * 48);
        assertThat(lines.get(1)).startsWith("a,0,2025-01-01T00:00,");
        assertThat(lines.get(48)).startsWith("a,47,2025-01-02T23:00,");
        assertThat(lines.get(49)).startsWith("b,0,2025-01-01T00:00,");
        int columns = SITE_HOURLY_HEADER.split(",").length;
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(columns));
        assertThat(Files.readString(out.resolve("jobs.csv"))).contains("\nj,,a,H100-SXM,512,");
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("first");
        }
    }

    @Test
    void simulate_quickstartOut_oneRowPerHourOfTheYear_exit0() throws IOException {
        Path out = dir.resolve("quickstart-run");

        CliRun r = run("simulate", QUICKSTART.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("site_hourly.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(SITE_HOURLY_HEADER);
        assertThat(lines).hasSize(1 + 8760);
        assertThat(lines.get(8760)).startsWith("columbus,8759,2025-12-31T23:00,");
    }

    @Test
    void simulate_outToExistingFolder_refusesAndWritesNothing_exit2() throws IOException {
        Path existing = Files.createDirectories(dir.resolve("runs").resolve("taken"));

        CliRun r = run("simulate", smallFile(), "--out", existing.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("error: output directory " + existing + " already exists")
                .doesNotContain("at dev.");
        assertThat(r.out()).isEmpty();
        try (Stream<Path> inside = Files.list(existing)) {
            assertThat(inside).isEmpty();
        }
        try (Stream<Path> siblings = Files.list(existing.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("taken");
        }
    }

    @Test
    void simulate_unknownScheduler_namesThePolicies_exit2() {
        CliRun r = run("simulate", smallFile(), "--no-output", "--scheduler", "bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--scheduler must be fifo, easy-backfill or priority, got 'bogus'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void simulate_knownSchedulerOverride_exit0() {
        CliRun r = run("simulate", smallFile(), "--no-output", "--scheduler", "easy-backfill");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\nTraining jobs\n");
    }

    @Test
    void simulate_invalidScenario_listsTheProblemsWithoutAStackTrace_exit2() throws IOException {
        Path file = write("bad.yaml", """
                name: bad
                horizon: {start: 2025-01-01, end: 2025-02-01}
                sites:
                  - {name: a, grid: US-OHH, capacity: 100}
                fleet:
                  - {accelerator: H100-SXM, count: 10, site: a}
                simulation: {scheduler: lottery}
                """);
        Path out = dir.resolve("never");

        CliRun r = run("simulate", file.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .startsWith("error: " + file + " has ")
                .contains("sites[0].grid: unknown grid region 'US-OHH'; did you mean 'US-OH'?")
                .contains("sites[0].capacity: needs a unit")
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("--verbose");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void simulate_bundledExample_succeedsWithoutAProgressBarOffTheTerminal_exit0(Path example) {
        CliRun r = run("simulate", example.toString(), "--no-output");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\nSites\n", "\nFleet\n");
        // Surefire's forked JVM has no console: the bar must stay silent even when a run lasts over a second.
        assertThat(r.err()).doesNotContain("[#").doesNotContain("\r").isEmpty();
    }

    @Test
    void simulate_sameScenarioTwice_byteIdenticalFiles_exit0() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        assertThat(run("simulate", QUICKSTART.toString(), "--out", first.toString())
                        .exitCode())
                .isZero();
        assertThat(run("simulate", QUICKSTART.toString(), "--out", second.toString())
                        .exitCode())
                .isZero();

        for (String file : OUTPUT_FILES) {
            byte[] bytes = Files.readAllBytes(first.resolve(file));
            assertThat(bytes).as(file).isNotEmpty();
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(bytes);
        }
    }

    @Test
    void simulate_otherReplication_differentJobEvents_exit0() throws IOException {
        Path first = dir.resolve("rep0");
        Path second = dir.resolve("rep1");

        assertThat(run("simulate", smallFile(), "--out", first.toString()).exitCode())
                .isZero();
        assertThat(run("simulate", smallFile(), "--out", second.toString(), "--replication", "1")
                        .exitCode())
                .isZero();

        String events = Files.readString(first.resolve("job_events.csv"));
        assertThat(events).contains(",j,failure,");
        assertThat(Files.readString(second.resolve("job_events.csv"))).isNotEqualTo(events);
        assertThat(Files.readString(second.resolve("summary.json"))).contains("\"replication\" : 1");
    }

    /** The small scenario, written once per test into the temporary folder. */
    private String smallFile() {
        Path file = dir.resolve("small.yaml");
        try {
            if (!Files.exists(file)) {
                write("small.yaml", SMALL);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file.toString();
    }
}
