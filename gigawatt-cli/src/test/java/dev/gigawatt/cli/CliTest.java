package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of the command line: exit code and captured output for each command. */
class CliTest {
    /** Surefire runs in the module folder, so the examples are one level up. */
    private static final Path QUICKSTART = Path.of("..", "examples", "quickstart.yaml");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.withoutDb(args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void help_printsUsageAndCommands_exit0() {
        CliRun r = run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: gigawatt", "validate", "plan", "catalog", "Exit codes:");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void version_printsName_exit0() {
        CliRun r = run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("gigawatt ");
    }

    @Test
    void noArguments_printsUsage_exit0() {
        CliRun r = run();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: gigawatt");
    }

    @Test
    void unknownSubcommand_suggestsTheClosest_exit2() {
        CliRun r = run("plna", QUICKSTART.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: Unmatched argument", "Did you mean", "gigawatt plan", "--help");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void misspeltOption_suggestsTheClosest_exit2() {
        CliRun r = run("plan", "--formt", "json", QUICKSTART.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: Unknown option", "'--formt'", "Possible solutions: --format");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void validate_quickstart_saysOk_exit0() {
        CliRun r = run("validate", QUICKSTART.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith(QUICKSTART + ": ok (").contains("32,768 accelerators");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validate_invalidFile_listsEveryProblemWithFileLineAndPath_exit2() throws IOException {
        Path file = write("bad.yaml", """
                name: t
                horizon:
                  start: 2025-01-01
                  end: 2026-01-01
                sites:
                  - name: a
                    grid: US-OH
                    capacity: 100
                  - name: b
                    grid: US-TX
                    capacity: "-5 MW"
                fleet:
                  - accelerator: H10O
                    count: 10
                    site: a
                """);

        CliRun r = run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("error: " + file + " has 3 problems:")
                .contains(file + ":8: sites[0].capacity: needs a unit: write it as a string such as \"100 W\"")
                .contains(file + ":11: sites[1].capacity: must be > 0 and at most 1 TW, got \"-5 MW\"")
                .contains(file + ":13: fleet[0].accelerator: unknown accelerator 'H10O'; did you mean 'H100'?")
                .doesNotContain("at dev.")
                .doesNotContain("Exception");
        assertThat(r.err().indexOf(":8: ")).isLessThan(r.err().indexOf(":11: "));
        assertThat(r.err().indexOf(":11: ")).isLessThan(r.err().indexOf(":13: "));
    }

    @Test
    void validate_namelessSiteAndUnknownSiteReference_isBadInput_exit2() throws IOException {
        Path file = write("nameless.yaml", """
                name: t
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {grid: US-OH, capacity: "100 MW"}
                fleet:
                  - {accelerator: H100-SXM, count: 10, site: x}
                """);

        CliRun r = run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("sites[0].name: is required").doesNotContain("NullPointerException");
    }

    @Test
    void plan_quickstart_printsHeadlineAndSections_exit0() {
        String headline = new Planner(Assumptions.builtIn())
                .plan(ScenarioReader.read(QUICKSTART, "quickstart", Catalog.builtIn()))
                .headline();

        CliRun r = run("plan", QUICKSTART.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("quickstart  (2025-01-01 to 2026-01-01)");
        assertThat(lines[1]).isEqualTo(headline + ".").contains("accelerators across 1 site need");
        assertThat(r.out())
                .contains(
                        "\nSites (a year at the horizon's end)\n",
                        "\nOver the horizon (at each site's planned utilisation;",
                        "\nFleet and money\n",
                        "\n  accrued within the horizon ",
                        "\nCapex by year\n",
                        "\nTraining\n",
                        "\nInference\n",
                        "columbus",
                        "llama-70b-pretrain",
                        "chat");
    }

    @Test
    void plan_jsonFormat_isOneBalancedObjectWithTheSections_exit0() {
        CliRun r = run("plan", "--format", "json", QUICKSTART.toString());

        assertThat(r.exitCode()).isZero();
        String json = r.out().strip();
        assertThat(json).startsWith("{").endsWith("}");
        assertThat(json)
                .contains(
                        "\"scenario\" : \"quickstart\"",
                        "\"sites\"",
                        "\"fleet\"",
                        "\"training\"",
                        "\"inference\"",
                        "\"peakTokensPerSecond\"",
                        "\"usdPerGpuHour\"");
        assertThat(unbalancedAt(json))
                .as("first position where brackets do not balance")
                .isEqualTo(-1);
    }

    /**
     * A tiny well-formedness check: the index where a closing bracket does not match or the text ends with
     * brackets open, ignoring brackets inside strings; -1 when balanced.
     */
    private static int unbalancedAt(String json) {
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                open.append(c);
            } else if (c == '}' || c == ']') {
                char expected = c == '}' ? '{' : '[';
                if (open.length() == 0 || open.charAt(open.length() - 1) != expected) {
                    return i;
                }
                open.setLength(open.length() - 1);
                if (open.length() == 0 && i != json.length() - 1) {
                    return i;
                }
            }
        }
        return open.length() == 0 && !inString ? -1 : json.length();
    }

    @Test
    void plan_markdownFormat_hasTitleAndTables_exit0() {
        CliRun r = run("plan", "--format", "markdown", QUICKSTART.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("# quickstart\n").contains("| site |", "## Fleet and money", "|---|");
    }

    @Test
    void plan_unknownFormat_listsFormats_exit2() {
        CliRun r = run("plan", "--format", "xml", QUICKSTART.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("table, json, markdown", "'xml'");
    }

    @Test
    void plan_missingFile_saysFileNotFound_exit2() {
        CliRun r = run("plan", "missing.yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: missing.yaml has 1 problem:" + System.lineSeparator()
                        + "  missing.yaml: file not found" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void plan_emptyFile_saysIsEmpty_exit2() throws IOException {
        Path file = write("empty.yaml", "");

        CliRun r = run("plan", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(file + ": is empty: expected a YAML mapping such as 'name: my-plan'");
    }

    @Test
    void plan_binaryFile_saysNotText_exit2() throws IOException {
        Path file = dir.resolve("image.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff});

        CliRun r = run("plan", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(file + ": is not a UTF-8 text file").doesNotContain("at dev.");
    }

    @Test
    void catalog_noKind_summarisesEveryKind_exit0() {
        CliRun r = run("catalog");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("accelerators", "servers", "models", "grids", "cooling", "assumptions");
    }

    @Test
    void catalog_accelerators_listsKnownNames_exit0() {
        CliRun r = run("catalog", "accelerators");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("H100-SXM", "B200", "MI300X", "TPU-v5p");
    }

    @Test
    void catalog_oneAccelerator_showsItsSource_exit0() {
        CliRun r = run("catalog", "accelerators", "H100-SXM");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("H100-SXM").contains("\nsource: ").contains("estimates:");
    }

    @Test
    void catalog_alias_findsTheEntry_exit0() {
        CliRun r = run("catalog", "accelerators", "h100");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("H100-SXM");
    }

    @Test
    void catalog_misspeltName_saysDidYouMean_exit2() {
        CliRun r = run("catalog", "accelerators", "H10O");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'H10O'", "did you mean 'H100'?");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void catalog_unknownKind_listsKinds_exit2() {
        CliRun r = run("catalog", "gpus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("accelerators, servers, models, grids, cooling, assumptions");
    }

    @Test
    void catalog_assumptions_showsSources_exit0() {
        CliRun r = run("catalog", "assumptions", "site.defaultPue");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("site.defaultPue", "1.1", "Meta Sustainability Report");
    }
}
