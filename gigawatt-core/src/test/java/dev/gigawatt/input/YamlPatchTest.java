package dev.gigawatt.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sets values in a parsed scenario by path, as sweeps do, before validation. */
class YamlPatchTest {
    private static final String BAD_PATH =
            "is not a path such as finance.costOfCapital, sites[1].pue or sites[richland].pue: \"%s\"";

    /** Two sites so that index and name selectors can be told apart; richland is sites[1]. */
    private static final String SCENARIO = """
            name: patched
            horizon: {start: 2025-01-01, end: 2026-01-01}
            sites:
              - {name: columbus, grid: US-OH, capacity: "100 MW", pue: 1.3}
              - {name: richland, grid: US-LA, capacity: "200 MW", pue: 1.2}
            fleet:
              - {accelerator: H100-SXM, count: 1024, site: columbus}
            finance:
              costOfCapital: "8%"
            """;

    private static YamlNode patch(String yaml, Map<String, String> values) {
        return YamlPatch.apply(YamlDocument.parse(yaml, "s.yaml"), values);
    }

    private static YamlNode patch(String path, String value) {
        return patch(SCENARIO, Map.of(path, value));
    }

    private static Scenario read(YamlNode root) {
        return ScenarioReader.read(root, Catalog.builtIn());
    }

    private static YamlMap site(YamlNode root, int index) {
        return root.asMap().list("sites").get(index).asMap();
    }

    @Test
    void apply_existingScalar_isReplaced() {
        YamlNode root = patch("finance.costOfCapital", "5%");

        assertThat(root.asMap().map("finance").string("costOfCapital")).isEqualTo("5%");
        assertThat(root.asMap().map("finance").keys()).containsExactly("costOfCapital");
    }

    @Test
    void apply_missingMappingKeys_areCreatedAlongThePath() {
        YamlNode root = patch("finance.acceleratorPrices.GB200", "$60,000");

        YamlMap finance = root.asMap().map("finance");
        assertThat(finance.keys()).containsExactly("costOfCapital", "acceleratorPrices");
        assertThat(finance.map("acceleratorPrices").string("GB200")).isEqualTo("$60,000");
    }

    @Test
    void apply_missingTopLevelSection_isCreated() {
        YamlNode root = patch("reliability.acceleratorMtbf", "10,000 h");

        assertThat(root.asMap().map("reliability").string("acceleratorMtbf")).isEqualTo("10,000 h");
    }

    @Test
    void apply_listIndex_setsThatItemOnly() {
        YamlNode root = patch("sites[1].pue", "1.05");

        assertThat(site(root, 0).string("pue")).isEqualTo("1.3");
        assertThat(site(root, 1).string("pue")).isEqualTo("1.05");
    }

    @Test
    void apply_listItemByName_setsTheItemWithThatName() {
        YamlNode root = patch("sites[richland].pue", "1.07");

        assertThat(site(root, 0).string("pue")).isEqualTo("1.3");
        assertThat(site(root, 1).string("pue")).isEqualTo("1.07");
    }

    @Test
    void apply_numericValue_isWrittenAsAPlainNumber() {
        YamlNode root = patch("sites[0].pue", "1.25");

        assertThat(site(root, 0).optional("pue").isNumber()).isTrue();
        assertThat(patch("finance.costOfCapital", "7%")
                        .asMap()
                        .map("finance")
                        .optional("costOfCapital")
                        .isNumber())
                .isFalse();
    }

    @Test
    void apply_severalValues_areAppliedInOrder_lastWins() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sites[richland].pue", "1.11");
        values.put("sites[1].pue", "1.12");

        YamlNode root = patch(SCENARIO, values);

        assertThat(site(root, 1).string("pue")).isEqualTo("1.12");
    }

    @Test
    void apply_thenScenarioReaderRead_seesTheNewValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("finance.costOfCapital", "5%");
        values.put("finance.acceleratorPrices.H100-SXM", "$20,000");
        values.put("sites[richland].pue", "1.05");
        values.put("sites[0].capacity", "150 MW");

        Scenario s = read(patch(SCENARIO, values));

        assertThat(s.finance().costOfCapital()).isCloseTo(0.05, within(1e-12));
        assertThat(s.finance().acceleratorPricesUsd()).containsEntry("H100-SXM", 20_000.0);
        // A single PUE is the annual mean, spread over the months by the grid region's climate.
        assertThat(s.site("richland").pueByMonth()).hasSize(12);
        assertThat(s.site("richland").meanPue()).isCloseTo(1.05, within(1e-12));
        assertThat(s.site("columbus").meanPue()).isCloseTo(1.3, within(1e-12));
        assertThat(s.site("columbus").capacity().get(0).powerWatts()).isEqualTo(150e6);
    }

    @Test
    void apply_invalidValue_isLeftToTheScenarioValidation() {
        YamlNode root = patch("sites[0].capacity", "100");

        assertThatThrownBy(() -> read(root))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("sites[0].capacity: needs a unit");
    }

    @Test
    void apply_missingListItemByName_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> patch("sites[nosuchsite].pue", "1.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sites[nosuchsite].pue: no list item [nosuchsite]");
    }

    @Test
    void apply_listIndexPastTheEnd_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> patch("sites[2].pue", "1.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sites[2].pue: no list item [2]");
    }

    @Test
    void apply_selectorOnAMapping_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> patch("finance[0].costOfCapital", "5%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("finance[0].costOfCapital: [0] is not inside a list");
    }

    @Test
    void apply_keyBelowAScalar_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> patch("name.first", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name.first: 'first' is not inside a mapping");
    }

    @Test
    void apply_keyOnAList_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> patch("sites.pue", "1.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sites.pue: 'pue' is not inside a mapping");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "finance.costOfCapital",
                "seed",
                "sites[1].pue",
                "sites[richland].pue",
                "finance.acceleratorPrices.H100-SXM",
                "inference[assistant].growthPerYear",
                "sites[0].capacity[1].power"
            })
    void checkPath_wellFormed_isNull(String path) {
        assertThat(YamlPatch.checkPath(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sites[].pue", "sites[1.pue", "[1].pue", "finance..costOfCapital", ".seed", "a b]"})
    void checkPath_malformed_namesThePathAndTheForm(String path) {
        assertThat(YamlPatch.checkPath(path)).isEqualTo(BAD_PATH.formatted(path));
    }

    @Test
    void checkPath_trailingDot_isMalformed() {
        assertThat(YamlPatch.checkPath("finance.")).isEqualTo(BAD_PATH.formatted("finance."));
    }

    @Test
    void apply_doesNotTouchOtherKeys() {
        YamlNode root = patch("sites[0].pue", "1.4");

        assertThat(root.asMap().keys()).containsExactly("name", "horizon", "sites", "fleet", "finance");
        assertThat(site(root, 0).keys()).containsExactly("name", "grid", "capacity", "pue");
        assertThat(root.asMap().list("sites")).hasSize(2);
        assertThat(List.of(site(root, 0).string("name"), site(root, 1).string("name")))
                .containsExactly("columbus", "richland");
    }
}
