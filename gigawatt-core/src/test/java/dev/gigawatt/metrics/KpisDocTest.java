package dev.gigawatt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/results.md lists the KPIs as {@link Kpis#markdown()} generates them, never hand-typed; run
 * with {@code -Dgolden.update=true} to rewrite it.
 */
class KpisDocTest {
    private static final Path DOC = Path.of("../docs/results.md");
    private static final String BEGIN = "<!-- kpis:begin -->\n";
    private static final String END = "<!-- kpis:end -->";

    @Test
    void resultsDoc_kpiTable_isTheGeneratedOne() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("begin marker").isNotNegative();
        assertThat(end).as("end marker").isGreaterThan(begin);
        String expected = "\n" + Kpis.markdown() + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(
                    DOC,
                    doc.substring(0, begin + BEGIN.length()) + expected + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc.substring(begin + BEGIN.length(), end)).isEqualTo(expected);
    }

    @Test
    void markdown_namesEveryKpiAnEngineRecords_withItsUnit() {
        String table = Kpis.markdown();
        Scenario scenario =
                ScenarioReader.read(Path.of("../examples/meta-2025.yaml"), "meta-2025.yaml", Catalog.builtIn());
        for (String name : Kpis.simulationNames(scenario)) {
            String pattern = name.replaceFirst("^(site|service)\\.[^.]+\\.", "$1.<name>.");
            assertThat(table)
                    .contains("| `" + pattern + "` | ")
                    .containsPattern(
                            "\\| `" + java.util.regex.Pattern.quote(pattern) + "` \\| [^|]+ \\| (yes)? \\| yes \\|");
        }
        for (Kpis.Kpi kpi : Kpis.of(new Planner(Assumptions.builtIn()).plan(scenario))) {
            String pattern = kpi.name().replaceFirst("^(site|training|inference)\\.[^.]+\\.", "$1.<name>.");
            assertThat(table).contains("| `" + pattern + "` | " + kpi.unit() + " | yes |");
        }
        assertThat(table)
                .contains("| `capex_in_horizon_usd` | USD | yes | yes |")
                .contains("| `tco_usd_per_year` | USD/year | yes |  |")
                .contains("| `events` | events |  | yes |");
    }
}
