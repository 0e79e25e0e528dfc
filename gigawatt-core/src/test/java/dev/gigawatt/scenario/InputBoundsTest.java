package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds of docs/scenario.md ("Input bounds"): each value below was accepted and crashed the
 * simulator or came out as n/a; each is now a problem with its exact path, line and message.
 */
class InputBoundsTest {
    private static final Catalog CATALOG = Catalog.builtIn();

    private static final String HEAD = ScenarioLines.HEAD;
    private static final String ONE_SITE = ScenarioLines.ONE_SITE;

    /** Lines 9-14 after {@link #HEAD} and {@link #ONE_SITE}; {@code TOKENS} is the value of line 13. */
    private static final String TRAINING = """
            training:
              - name: j
                model: llama-3.1-70b
                accelerator: H100-SXM
                tokens: TOKENS
                accelerators: 8
            """;

    /** Lines 9-19 after {@link #HEAD} and {@link #ONE_SITE}; the next line appended is 20. */
    private static final String INFERENCE = """
            inference:
              - name: chat
                model: llama-3.1-70b
                users: "10M"
                requestsPerUserPerDay: 10
                inputTokens: 1500
                outputTokens: 400
                slo: {ttft: "2 s", tpot: "50 ms"}
                accelerator: H100-SXM
                peakToMean: 1.7
                site: a
            """;

    private static List<Problem> problems(String yaml) {
        try {
            ScenarioReader.parse(yaml, "s.yaml", CATALOG);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    private static String horizon(String start, String end) {
        return "name: t\nhorizon:\n  start: " + start + "\n  " + end + "\n" + ONE_SITE;
    }

    // ---- dates and the horizon ----

    @Test
    void parse_durationOf1e20Days_isBeyondTheLongestHorizon() {
        assertThat(problems(horizon("2025-01-01", "duration: \"1e20 days\"")))
                .containsExactly(
                        new Problem("horizon.duration", 4, "must be > 0 and at most 50 years, got \"1e20 days\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+99999-01-01", "+999999999-01-01", "-0001-01-01", "20250-01-01"})
    void parse_yearWithoutFourDigits_isRejectedNotSimulatedForEver(String start) {
        assertThat(problems(horizon(start, "duration: \"1 year\"")))
                .containsExactly(new Problem(
                        "horizon.start",
                        3,
                        "the year must have four digits, from 1900 to 2200, got \"" + start + "\""));
    }

    @Test
    void parse_yearBefore1900_isOutOfRange() {
        assertThat(problems(horizon("1850-01-01", "end: 1851-01-01")))
                .containsExactly(
                        new Problem("horizon.start", 3, "the year must be from 1900 to 2200, got \"1850-01-01\""),
                        new Problem("horizon.end", 4, "the year must be from 1900 to 2200, got \"1851-01-01\""));
    }

    @Test
    void parse_horizonOf75Years_isLongerThan50WhileExactly50IsAccepted() {
        Scenario fifty = ScenarioReader.parse(horizon("2025-01-01", "end: 2075-01-01"), "s.yaml", CATALOG);

        assertThat(fifty.horizon().days()).isEqualTo(18_262);
        assertThat(problems(horizon("2025-01-01", "end: 2100-01-01")))
                .containsExactly(new Problem(
                        "horizon",
                        3,
                        "the horizon must be at most 50 years long, got 2025-01-01 to 2100-01-01 (27,393 days)"));
    }

    @Test
    void parse_fiftyYearsOver23Sites_isMoreSiteHoursThanTheSimulatorHolds() {
        StringBuilder yaml = new StringBuilder("name: t\nhorizon: {start: 2025-01-01, end: 2075-01-01}\nsites:\n");
        for (int i = 0; i < 23; i++) {
            yaml.append("  - {name: s").append(i).append(", grid: US-OH, capacity: \"10 MW\"}\n");
        }

        assertThat(problems(yaml.toString()))
                .containsExactly(new Problem(
                        "sites",
                        4,
                        "23 sites over 18,262 days are 10,080,624 site-hours; at most 10,000,000 are allowed (the"
                                + " simulator keeps 15 hourly figures per site-hour: about 1.2 GB of memory); shorten"
                                + " the horizon or merge sites"));
    }

    // ---- magnitudes that came out as n/a ----

    @Test
    void parse_tokens1e308_isBeyondTheLargestTrainingRun() {
        assertThat(problems(HEAD + ONE_SITE + TRAINING.replace("TOKENS", "\"1e308\"")))
                .containsExactly(new Problem(
                        "training[0].tokens", 13, "must be > 0 and at most 1e16 (\"10,000T\"), got \"1e308\""));
    }

    @Test
    void parse_users1e308_isMoreThanTenBillion() {
        assertThat(problems(HEAD + ONE_SITE + INFERENCE.replace("users: \"10M\"", "users: 1e308")))
                .containsExactly(
                        new Problem("inference[0].users", 12, "must be > 0 and at most 1e10 (\"10B\"), got 1e308"));
    }

    @Test
    void parse_growthOf1e300Percent_isBeyond1000PercentAYear() {
        assertThat(problems(HEAD + ONE_SITE + INFERENCE + "    growthPerYear: \"1e300%\"\n"))
                .containsExactly(new Problem(
                        "inference[0].growthPerYear", 20, "must be above -100% and at most 1000%, got \"1e300%\""));
    }

    @Test
    void parse_demandGrowingToMoreThan1e12TokensPerSecond_isRejectedOnTheService() {
        String yaml = horizon("2025-01-01", "end: 2070-01-01")
                + INFERENCE.replace("users: \"10M\"", "users: \"10B\"").replace("    site: a\n", "")
                + "    growthPerYear: \"1000%\"\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "inference[0]",
                        10,
                        "peak demand at the horizon's end is 6.2e+55 output tokens/s (users × requestsPerUserPerDay"
                                + " × outputTokens per day, grown by growthPerYear for 45.0 years, × peakToMean); at"
                                + " most 1,000,000,000,000 tokens/s are allowed"));
    }

    @Test
    void parse_inlineModelWith1e300Parameters_isBeyondAQuadrillion() {
        String yaml = HEAD
                + ONE_SITE
                + TRAINING.replace("TOKENS", "\"1T\"")
                        .replace(
                                "model: llama-3.1-70b",
                                "model: {name: m, parameters: \"1e300\", layers: 8, hiddenSize: 1024, heads: 8}");

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "training[0].model.parameters",
                        11,
                        "must be > 0 and at most 1e15 (\"1,000T\"), got \"1e300\""));
    }

    @Test
    void parse_depreciationOf1e300Years_isShorterThanAMonth() {
        assertThat(problems(HEAD + ONE_SITE + "finance: {depreciationYears: 1e-300}\n"))
                .containsExactly(new Problem(
                        "finance.depreciationYears",
                        9,
                        "must be between 0.0833 (one month) and 100 years, got 1e-300"));
    }

    @Test
    void parse_catalogGridAt1e300DegreesAndHours_isOffTheEarth() {
        String yaml = HEAD + ONE_SITE + """
                catalog:
                  grids:
                    - name: G
                      carbonIntensity: "400 g/kWh"
                      waterIntensity: "1 L/kWh"
                      electricityPrice: "$80/MWh"
                      latitude: 1e300
                      utcOffset: 1e300
                      source: test
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        new Problem(
                                "catalog.grids[0].latitude",
                                15,
                                "must be between -90 and 90 (degrees north), got 1e300"),
                        new Problem("catalog.grids[0].utcOffset", 16, "must be between -12 and 14 (hours), got 1e300"));
    }

    @Test
    void parse_catalogModelWithLatentAttentionAndEightKvHeads_isRefused() {
        String yaml = HEAD + ONE_SITE + """
                catalog:
                  models:
                    - name: mla-7b
                      parameters: "7B"
                      layers: 32
                      hiddenSize: 4096
                      heads: 32
                      kvHeads: 8
                      attention: {latent: 512, ropeHeadDim: 64, valueDim: 128}
                      source: test
                """;

        assertThat(problems(yaml))
                .extracting(Problem::path)
                .containsExactlyInAnyOrder("catalog.models[0].attention.valueDim", "catalog.models[0]");
        assertThat(problems(yaml).toString()).contains("kvHeads must be 1 with latent attention", "vHeadDim");
    }

    @Test
    void parse_jobMixOfABillionArrivalsADay_isMoreJobsThanTheSimulatorHolds() {
        String yaml = HEAD + ONE_SITE + """
                jobMix:
                  - name: m
                    site: a
                    accelerator: H100-SXM
                    arrivalsPerDay: "1B"
                    accelerators: {min: 8, max: 64}
                    duration: {median: "1 h"}
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "jobMix[0].arrivalsPerDay",
                        13,
                        "1,000,000,000 arrivals a day over 365 days are about 365,000,000,000 jobs; at most"
                                + " 1,000,000 generated jobs are allowed in a horizon (simulating them would take"
                                + " about 46 days and 402 TB of memory)"));
    }

    @Test
    void parse_twoJobMixesTogetherOverTheLimit_isReportedOnTheJobMixes() {
        String mix = """
                  - name: NAME
                    site: a
                    accelerator: H100-SXM
                    arrivalsPerDay: 2000
                    accelerators: {min: 8, max: 64}
                    duration: {median: "1 h"}
                """;
        String yaml = HEAD + ONE_SITE + "jobMix:\n" + mix.replace("NAME", "m1") + mix.replace("NAME", "m2");

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "jobMix",
                        13,
                        "the job mixes generate about 1,460,000 jobs (2,000 arrivals a day over 365 days, 2,000"
                                + " arrivals a day over 365 days); at most 1,000,000 generated jobs are allowed in a"
                                + " horizon (simulating them would take about 16 seconds and 1.6 GB of memory)"));
    }

    // ---- names and text ----

    @Test
    void parse_nameWithALoneSurrogate_isNotValidUnicode() {
        assertThat(problems("name: \"\\ud800\"\n" + HEAD.substring(HEAD.indexOf('\n') + 1) + ONE_SITE))
                .containsExactly(new Problem(
                        "name", 1, "is not valid Unicode: it contains a lone surrogate (\\ud800), got \"\\ud800\""));
    }

    @Test
    void parse_nameOf200000Characters_isTooLongAndEchoedCut() {
        String yaml = HEAD.replace("name: t", "name: " + "x".repeat(200_000)) + ONE_SITE;

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "name",
                        1,
                        "a name must be at most 200 characters, got \"" + "x".repeat(60) + "…\" (200,000 characters)"));
    }

    @Test
    void parse_siteNamesWithNulAndTerminalEscape_areRejectedAndEchoedEscaped() {
        String yaml = HEAD + """
                sites:
                  - {name: "a\\0b", grid: US-OH, capacity: "1 MW"}
                  - {name: "\\e[31mred", grid: US-OH, capacity: "1 MW"}
                  - {name: "tab\\there", grid: US-OH, capacity: "1 MW"}
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        new Problem("sites[0].name", 6, "must not contain control characters (NUL), got \"a\\u0000b\""),
                        new Problem(
                                "sites[1].name",
                                7,
                                "must not contain control characters (ESC, as in terminal escape sequences), got"
                                        + " \"\\u001b[31mred\""),
                        new Problem(
                                "sites[2].name", 8, "a name must be one line without tabs, got \"tab\\u0009here\""));
    }

    @Test
    void parse_emptyName_isRejected() {
        assertThat(problems(HEAD.replace("name: t", "name: \"  \"") + ONE_SITE))
                .containsExactly(new Problem("name", 1, "must not be empty"));
    }

    @Test
    void parse_binaryTag_isNotAPlainValue() {
        assertThat(problems(HEAD + ONE_SITE + "description: !!binary aGVsbG8=\n"))
                .containsExactly(new Problem(
                        "description",
                        9,
                        "YAML tag !!binary is not allowed: write plain text, numbers, true/false, dates, lists and"
                                + " mappings"));
    }
}
