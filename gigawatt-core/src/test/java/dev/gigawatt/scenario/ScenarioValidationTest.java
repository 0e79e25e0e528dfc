package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.model.Parallelism;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of scenario files: every problem with its exact path, line and message, and the values read. */
class ScenarioValidationTest {
    private static final Catalog CATALOG = Catalog.builtIn();

    private static final String SEE_CATALOG = " (see 'gigawatt catalog' for the list, or define it under catalog:)";

    private static final String HEAD = ScenarioLines.HEAD;
    private static final String ONE_SITE = ScenarioLines.ONE_SITE;

    /** Lines 9-13 after {@link #HEAD} and {@link #ONE_SITE}; the next two lines appended are 14 and 15. */
    private static final String TRAINING = """
            training:
              - name: j
                model: llama-3.1-70b
                tokens: "1T"
                accelerators: 8
            """;

    private static Scenario parse(String yaml) {
        return ScenarioReader.parse(yaml, "s.yaml", CATALOG);
    }

    /** The problems reported for {@code yaml}; fails when it parses. */
    private static List<Problem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (InputException e) {
            assertThat(e.fileName()).isEqualTo("s.yaml");
            return e.problems();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    // ---- single problems, exact path, line and message ----

    @Test
    void parse_negativeCapacity_reportsPathLineAndValue() {
        String yaml = HEAD + """
                sites:
                  - name: a
                    grid: US-OH
                    capacity: "100 MW"
                  - name: b
                    grid: US-TX
                    capacity: "-5 MW"
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem("sites[1].capacity", 11, "must be > 0 and at most 1 TW, got \"-5 MW\""));
    }

    @Test
    void parse_bareNumberForPower_saysItNeedsAUnit() {
        String yaml = HEAD + """
                sites:
                  - name: a
                    grid: US-OH
                    capacity: 100
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        new Problem(
                                "sites[0].capacity",
                                8,
                                "needs a unit: write it as a string such as \"100 W\" (power units: W, kW, MW, GW, TW), got 100"));
    }

    @Test
    void parse_bareNumberForDuration_suggestsAPlausibleUnit() {
        String yaml = """
                name: t
                horizon:
                  start: 2025-01-01
                  duration: 365
                """ + ONE_SITE;

        assertThat(problems(yaml)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("horizon.duration");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("needs a unit").doesNotContain("\"365 us\"");
        });
    }

    @Test
    void parse_unknownTopLevelKey_hintsTheClosestKnownKey() {
        String yaml = HEAD + ONE_SITE + "seeed: 7\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "seeed",
                        9,
                        "unknown key 'seeed'; did you mean 'seed'? (known keys: catalog, name, description, seed,"
                                + " horizon, sites, finance, fleet, training, inference, jobMix, reliability, optimize,"
                                + " simulation)"));
    }

    @Test
    void parse_unknownKeyInSite_hintsTheClosestSiteKey() {
        String yaml = HEAD + ONE_SITE + "    coolng: liquid\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "sites[0].coolng",
                        9,
                        "unknown key 'coolng'; did you mean 'cooling'? (known keys: name, grid, capacity, cooling, pue,"
                                + " designPue, wue, electricityPrice, renewableShare, utilisation, network)"));
    }

    @Test
    void parse_unknownGrid_hintsTheClosestRegion() {
        String yaml = HEAD + ONE_SITE.replace("US-OH", "US-OHH");

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "sites[0].grid", 7, "unknown grid region 'US-OHH'; did you mean 'US-OH'?" + SEE_CATALOG));
    }

    @Test
    void parse_unknownCooling_hintsTheClosestType() {
        String yaml = HEAD + ONE_SITE + "    cooling: liquidd\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "sites[0].cooling", 9, "unknown cooling type 'liquidd'; did you mean 'liquid'?" + SEE_CATALOG));
    }

    @Test
    void parse_unknownAccelerator_hintsTheClosestName() {
        String yaml = HEAD + ONE_SITE + """
                fleet:
                  - accelerator: H10O
                    count: 10
                    site: a
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "fleet[0].accelerator", 10, "unknown accelerator 'H10O'; did you mean 'H100'?" + SEE_CATALOG));
    }

    @Test
    void parse_unknownModel_hintsTheClosestName() {
        String yaml = HEAD + ONE_SITE + TRAINING.replace("llama-3.1-70b", "llama-3.1-70c") + "    accelerator: H100\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "training[0].model",
                        11,
                        "unknown model 'llama-3.1-70c'; did you mean 'llama-3.1-70b'?" + SEE_CATALOG));
    }

    @Test
    void parse_fleetNamesUnknownSite_hintsAndListsTheSites() {
        String yaml = HEAD + ONE_SITE.replace("name: a", "name: columbus") + """
                fleet:
                  - accelerator: H100-SXM
                    count: 10
                    site: colombus
                """;

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "fleet[0].site", 12, "unknown site 'colombus'; did you mean 'columbus'? (sites: columbus)"));
    }

    @Test
    void parse_missingRequiredKeys_eachReportedAtItsMapping() {
        String yaml = HEAD + """
                sites:
                  - grid: US-OH
                fleet:
                  - count: 10
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        new Problem("sites[0].name", 6, "is required"),
                        new Problem("sites[0].capacity", 6, "is required"),
                        new Problem("fleet[0].accelerator", 8, "is required"),
                        new Problem("fleet[0].site", 8, "is required"));
    }

    @Test
    void parse_missingNameAndHorizon_bothRequired() {
        String yaml = "seed: 3\n" + ONE_SITE;

        assertThat(problems(yaml))
                .containsExactly(new Problem("name", 1, "is required"), new Problem("horizon", 1, "is required"));
    }

    @Test
    void parse_emptyRequiredValue_isRequiredOnItsOwnLine() {
        String yaml = HEAD + ONE_SITE.replace("grid: US-OH", "grid:");

        assertThat(problems(yaml)).containsExactly(new Problem("sites[0].grid", 7, "is required"));
    }

    @Test
    void parse_impossibleDate_saysWhichFormsAreAccepted() {
        String yaml = HEAD.replace("2025-01-01", "2025-13-01") + ONE_SITE;

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "horizon.start", 3, "expected a date such as 2025-03-01, 2025-03 or 2025, got \"2025-13-01\""));
    }

    @Test
    void parse_endBeforeStart_isReportedOnTheHorizon() {
        String yaml = "name: t\nhorizon: {start: 2025-01-01, end: 2024-01-01}\n"
                + "sites: [{name: a, grid: US-OH, capacity: \"1 GW\"}]\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem("horizon", 2, "end must be after start, got 2025-01-01 to 2024-01-01"));
    }

    @Test
    void parse_endAndDuration_askForOnlyOne() {
        String yaml = "name: t\nhorizon: {start: 2025-01-01, end: 2026-01-01, duration: \"1 year\"}\n"
                + "sites: [{name: a, grid: US-OH, capacity: \"1 GW\"}]\n";

        assertThat(problems(yaml)).containsExactly(new Problem("horizon", 2, "give either end or duration, not both"));
    }

    @Test
    void parse_duplicateSiteName_isReportedAtTheSecond() {
        String yaml = HEAD
                + "sites: [{name: a, grid: US-OH, capacity: \"1 GW\"}, {name: a, grid: US-TX, capacity: \"1 GW\"}]\n";

        assertThat(problems(yaml)).containsExactly(new Problem("sites[1].name", 5, "duplicate site name 'a'"));
    }

    @Test
    void parse_mfuAbove100Percent_isOutOfRange() {
        String yaml = HEAD + ONE_SITE + TRAINING + "    accelerator: H100-SXM\n    mfu: \"150%\"\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem("training[0].mfu", 15, "must be above 0% and at most 100%, got \"150%\""));
    }

    @Test
    void parse_mfuZeroPercent_echoesTheValueAsWritten() {
        String yaml = HEAD + ONE_SITE + TRAINING + "    accelerator: H100-SXM\n    mfu: \"0%\"\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem("training[0].mfu", 15, "must be above 0% and at most 100%, got \"0%\""));
    }

    @Test
    void parse_precisionTheAcceleratorLacks_namesAcceleratorAndPrecision() {
        String yaml = HEAD + ONE_SITE + TRAINING + "    accelerator: A100-SXM\n    precision: fp8\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "training[0].precision",
                        15,
                        "accelerator 'A100-SXM' has no fp8 peak in the catalog (it has fp16, bf16, int8)"));
    }

    @Test
    void parse_precisionTheAcceleratorLacks_listsThePrecisionsItHas() {
        String yaml = HEAD + ONE_SITE + TRAINING + "    accelerator: A100-SXM\n    precision: fp8\n";

        assertThat(problems(yaml)).singleElement().satisfies(p -> assertThat(p.message())
                .contains("bf16"));
    }

    @Test
    void parse_unknownPrecision_listsPrecisionsAndHints() {
        String yaml = HEAD + ONE_SITE + TRAINING + "    accelerator: A100-SXM\n    precision: bf17\n";

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "training[0].precision",
                        15,
                        "must be one of fp32, tf32, fp16, bf16, fp8, int8, fp4, got \"bf17\"; did you mean 'bf16'?"));
    }

    @Test
    void parse_monthlyPueWithElevenValues_asksForTwelve() {
        String yaml = HEAD + ONE_SITE + "    pue: [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1]\n";

        assertThat(problems(yaml))
                .containsExactly(
                        new Problem("sites[0].pue", 9, "a monthly PUE needs 12 values (January to December), got 11"));
    }

    @Test
    void parse_pueBelowOne_isOutOfRange() {
        String yaml = HEAD + ONE_SITE + "    pue: 0.9\n";

        assertThat(problems(yaml)).containsExactly(new Problem("sites[0].pue", 9, "must be between 1 and 10, got 0.9"));
    }

    @Test
    void parse_countZeroOrWithSuffix_isNotAWholeNumberInRange() {
        String yaml = HEAD + ONE_SITE + """
                fleet:
                  - {accelerator: H100-SXM, count: 0, site: a}
                  - {accelerator: H100-SXM, count: 10k, site: a}
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        new Problem("fleet[0].count", 10, "must be between 1 and 1000000000, got 0"),
                        new Problem("fleet[1].count", 11, "expected a whole number, got \"10k\""));
    }

    @Test
    void parse_priceOverrideForUnknownAccelerator_hintsTheClosestName() {
        String yaml = HEAD + ONE_SITE + "finance:\n  acceleratorPrices: {H100X: \"$1\"}\n";

        assertThat(problems(yaml))
                .containsExactly(
                        new Problem(
                                "finance.acceleratorPrices.H100X",
                                10,
                                "unknown accelerator 'H100X'; did you mean 'H100'? (see 'gigawatt catalog' for the list, or define it under catalog:)"));
    }

    @Test
    void parse_topLevelList_isNotAMapping() {
        assertThat(problems("- a\n- b\n"))
                .containsExactly(new Problem("", 1, "expected a mapping of keys to values, got a list"));
    }

    // ---- several problems at once ----

    @Test
    void parse_severalProblems_allReportedAtOnceSortedByLine() {
        String yaml = """
                name: t
                descripton: typo
                horizon:
                  start: 2025-01-01
                  end: 2026-01-01
                sites:
                  - name: columbus
                    grid: US-OHH
                    capacity: "-5 MW"
                fleet:
                  - accelerator: H100-SXM
                    count: 0
                    site: dallas
                """;

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                new Problem(
                                        "descripton",
                                        2,
                                        "unknown key 'descripton'; did you mean 'description'? (known keys: catalog,"
                                                + " name, description, seed, horizon, sites, finance, fleet, training,"
                                                + " inference, jobMix, reliability, optimize, simulation)"),
                                new Problem(
                                        "sites[0].grid",
                                        8,
                                        "unknown grid region 'US-OHH'; did you mean 'US-OH'?" + SEE_CATALOG),
                                new Problem("sites[0].capacity", 9, "must be > 0 and at most 1 TW, got \"-5 MW\""),
                                new Problem("fleet[0].count", 12, "must be between 1 and 1000000000, got 0"),
                                new Problem("fleet[0].site", 13, "unknown site 'dallas' (sites: columbus)")))
                .hasMessageStartingWith("s.yaml:2: descripton: unknown key 'descripton'")
                .hasMessageContaining(System.lineSeparator() + "s.yaml:13: fleet[0].site: unknown site 'dallas'");
    }

    @Test
    void parse_missingHorizonAndSites_bothReported() {
        assertThat(problems("name: t\nseed: 7\n"))
                .containsExactly(
                        new Problem("horizon", 1, "is required"),
                        new Problem("sites", 1, "at least one site is required"));
    }

    @Test
    void parse_namelessSiteAndUnknownSiteReference_reportsBothWithoutCrashing() {
        String yaml = HEAD + """
                sites:
                  - grid: US-OH
                    capacity: "100 MW"
                fleet:
                  - accelerator: H100-SXM
                    count: 10
                    site: x
                """;

        assertThat(problems(yaml)).extracting(Problem::path).containsExactly("sites[0].name", "fleet[0].site");
    }

    // ---- valid scenarios: the values read ----

    @Test
    void read_quickstartExample_fieldsAsWritten() {
        Scenario s = ScenarioReader.read(Path.of("..", "examples", "quickstart.yaml"), "quickstart.yaml", CATALOG);

        assertThat(s.name()).isEqualTo("quickstart");
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.horizon()).isEqualTo(new Horizon(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)));
        assertThat(s.horizon().days()).isEqualTo(365);

        Site site = s.sites().get(0);
        assertThat(site.name()).isEqualTo("columbus");
        assertThat(site.grid().name()).isEqualTo("US-OH");
        assertThat(site.capacity()).containsExactly(new CapacityStep(ScenarioDates.ALWAYS, 100e6));
        assertThat(site.cooling()).isEqualTo("liquid");
        assertThat(site.pueByMonth()).hasSize(12);
        assertThat(site.meanPue()).isCloseTo(1.15, within(1e-12));
        assertThat(site.renewableShare()).isEqualTo(0.5);

        Deployment d = s.fleet().get(0);
        assertThat(d.accelerator().name()).isEqualTo("H100-SXM");
        assertThat(d.count()).isEqualTo(32_768);
        assertThat(d.site()).isEqualTo("columbus");
        assertThat(d.priceUsd()).isEqualTo(27_500.0);

        TrainingJob job = s.training().get(0);
        assertThat(job.model().name()).isEqualTo("llama-3.1-70b");
        assertThat(job.tokens()).isEqualTo(15e12);
        assertThat(job.gpus()).isEqualTo(16_384);
        assertThat(job.precision()).isEqualTo(Precision.BF16);
        assertThat(job.mfuOverridden()).isFalse();
        assertThat(job.mfu()).isNaN();

        InferenceService chat = s.inference().get(0);
        assertThat(chat.dailyActiveUsers()).isEqualTo(10e6);
        assertThat(chat.outputTokensPerDay()).isEqualTo(10e6 * 10 * 400);
        assertThat(chat.ttftSloSeconds()).isEqualTo(2.0);
        assertThat(chat.tpotSloSeconds()).isEqualTo(0.05);
        assertThat(chat.peakToMean()).isEqualTo(1.7);
        assertThat(chat.parallelism()).isNull();
        assertThat(chat.precision()).isEqualTo(Precision.FP8);
    }

    @Test
    void parse_capacityStepsOutOfOrder_areSortedByDate() {
        String yaml = HEAD + """
                sites:
                  - name: a
                    grid: US-OH
                    capacity:
                      - {from: 2027-01, power: "1 GW"}
                      - {from: 2025-06-01, power: "300 MW"}
                      - {from: 2026, power: "600 MW"}
                """;

        Site site = parse(yaml).sites().get(0);

        assertThat(site.capacity())
                .containsExactly(
                        new CapacityStep(LocalDate.of(2025, 6, 1), 300e6),
                        new CapacityStep(LocalDate.of(2026, 1, 1), 600e6),
                        new CapacityStep(LocalDate.of(2027, 1, 1), 1e9));
        assertThat(site.capacityWatts(LocalDate.of(2025, 1, 1))).isZero();
        assertThat(site.capacityWatts(LocalDate.of(2026, 6, 1))).isEqualTo(600e6);
    }

    @Test
    void parse_emptyCapacityList_needsAStep() {
        String yaml = HEAD + ONE_SITE.replace("\"100 MW\"", "[]");

        assertThat(problems(yaml))
                .containsExactly(new Problem(
                        "sites[0].capacity", 8, "needs at least one step such as {from: 2025-01, power: \"1 GW\"}"));
    }

    @Test
    void parse_coolingWithoutPue_takesPueAndWueFromTheCoolingType() {
        Site site = parse(HEAD + ONE_SITE + "    cooling: air\n").sites().get(0);

        double airPue = CATALOG.cooling().find("air").orElseThrow().pue();
        assertThat(airPue).isEqualTo(1.56);
        assertThat(site.meanPue()).isCloseTo(airPue, within(1e-12));
        assertThat(site.wueLitresPerKwh())
                .isEqualTo(CATALOG.cooling().find("air").orElseThrow().wueLitresPerKwh());
    }

    @Test
    void parse_noCoolingNoPue_usesTheDefaultAssumption() {
        Site site = parse(HEAD + ONE_SITE).sites().get(0);

        // US-OH has a climate: the annual 1.1 is spread over the months, January lowest, July highest.
        assertThat(site.meanPue()).isCloseTo(1.1, within(1e-12));
        assertThat(site.pueByMonth().get(0)).isLessThan(1.1);
        assertThat(site.pueByMonth().get(6)).isEqualTo(Collections.max(site.pueByMonth()));
        assertThat(site.designDayPue()).isGreaterThan(site.pueByMonth().get(6));
        assertThat(site.overheadFixedShare()).isEqualTo(0.3);
        assertThat(site.wueLitresPerKwh()).isEqualTo(0.2);
        assertThat(site.cooling()).isEmpty();
    }

    @Test
    void parse_explicitPue_overridesTheCoolingType() {
        String monthly = "    pue: [1.3, 1.3, 1.2, 1.2, 1.1, 1.1, 1.1, 1.1, 1.2, 1.2, 1.3, 1.4]\n";

        Site scalar = parse(HEAD + ONE_SITE + "    cooling: air\n    pue: 1.25\n")
                .sites()
                .get(0);
        Site byMonth = parse(HEAD + ONE_SITE + monthly).sites().get(0);

        assertThat(scalar.meanPue()).isCloseTo(1.25, within(1e-12));
        assertThat(scalar.overheadFixedShare()).isEqualTo(0.4);
        assertThat(byMonth.pueByMonth()).containsExactly(1.3, 1.3, 1.2, 1.2, 1.1, 1.1, 1.1, 1.1, 1.2, 1.2, 1.3, 1.4);
        // Given months are kept; the design day scales the worst month (0.4 overhead) by the climate.
        assertThat(byMonth.designDayPue()).isGreaterThan(1.4);
    }

    @Test
    void parse_acceleratorPriceOverride_appliesUnlessTheDeploymentSetsItsOwn() {
        String yaml = HEAD + ONE_SITE + """
                fleet:
                  - {accelerator: H100-SXM, count: 8, site: a}
                  - {accelerator: H100-SXM, count: 8, site: a, price: "$20k"}
                  - {accelerator: A100-SXM, count: 8, site: a}
                finance:
                  acceleratorPrices:
                    H100: "$30,000"
                """;

        Scenario s = parse(yaml);

        assertThat(s.fleet()).extracting(Deployment::priceUsd).containsExactly(30_000.0, 20_000.0, 15_000.0);
        assertThat(s.finance().acceleratorPricesUsd()).isEqualTo(Map.of("H100-SXM", 30_000.0));
        assertThat(s.finance().priceUsd(CATALOG.accelerators().find("H100-SXM").orElseThrow()))
                .isEqualTo(30_000.0);
    }

    @Test
    void parse_optionalKeysLeftOut_takeDefaults() {
        Scenario s = parse(HEAD + ONE_SITE + TRAINING + "    accelerator: H100-SXM\n");

        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.description()).isEmpty();
        assertThat(s.finance().electricityPriceUsdPerMwh()).isNaN();
        assertThat(s.finance().budgetUsd()).isZero();
        assertThat(s.finance().acceleratorPricesUsd()).isEmpty();
        assertThat(s.reliability().hotSpareFraction()).isZero();
        assertThat(s.reliability().failuresPerAcceleratorHour())
                .isEqualTo(CATALOG.reliability().failuresPerAcceleratorHour());

        TrainingJob job = s.training().get(0);
        assertThat(job.precision()).isEqualTo(Precision.BF16);
        assertThat(job.mfuOverridden()).isFalse();
        assertThat(job.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(job.site()).isNull();
        assertThat(job.checkpointIntervalSeconds()).isNaN();
        assertThat(job.sequenceLength()).isEqualTo(8192);
    }

    @Test
    void parse_horizonAsDuration_endsThatManyDaysLater() {
        String yaml = "name: t\nhorizon: {start: 2025-03, duration: \"365 days\"}\n" + ONE_SITE;

        Horizon horizon = parse(yaml).horizon();

        assertThat(horizon.start()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(horizon.end()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void parse_yearOnlyDates_meanTheFirstOfJanuary() {
        String yaml = "name: t\nhorizon: {start: 2025, end: 2027}\n" + ONE_SITE;

        assertThat(parse(yaml).horizon()).isEqualTo(new Horizon(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void parse_inferenceWithoutPrecisionOnAcceleratorWithoutFp8_fallsBackToBf16() {
        String yaml = HEAD + ONE_SITE + """
                inference:
                  - name: chat
                    model: llama-3.1-8b
                    users: 1M
                    requestsPerUserPerDay: 5
                    inputTokens: 1000
                    outputTokens: 200
                    slo: {ttft: "1 s", tpot: "40 ms"}
                    accelerator: A100-SXM
                    parallelism: {tp: 2}
                """;

        InferenceService service = parse(yaml).inference().get(0);

        assertThat(service.precision()).isEqualTo(Precision.BF16);
        assertThat(service.parallelism()).isEqualTo(new Parallelism(2, 1));
        assertThat(service.peakToMean()).isEqualTo(1.0);
        assertThat(service.meanRequestsPerSecond()).isEqualTo(1e6 * 5 / 86_400.0);
    }
}
