package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's chosen plan against its input, both through the planner. */
class FleetComparisonTest {
    @Test
    void of_example_addsWhatWasBoughtAndMeetsEveryDeadlineAndGrid() throws IOException {
        String yaml = Files.readString(Path.of("../examples/optimize-2026.yaml"));
        Scenario input = ScenarioReader.parse(yaml, "optimize-2026.yaml", Catalog.builtIn());
        Outcome outcome = Optimizer.solve(Coefficients.of(input));
        Scenario chosen = ScenarioReader.parse(PlanWriter.write(yaml, input, outcome), "plan.yaml", Catalog.builtIn());
        FleetComparison c = FleetComparison.of(input, chosen);
        List<FleetComparison.Row> rows = c.rows();
        assertThat(rows.get(0).chosen() - rows.get(0).input())
                .as("accelerators")
                .isEqualTo(outcome.decisions().totalBought());
        // The planner's capex of what was added is the optimiser's capex (the same probes, the step at
        // finance.facilityCost).
        assertThat(rows.get(1).chosen() - rows.get(1).input())
                .isCloseTo(outcome.costs().capexUsd(), org.assertj.core.data.Percentage.withPercentage(0.5));
        FleetComparison.Row sites = rows.get(5);
        assertThat(sites.what()).isEqualTo("sites within their grid capacity in the horizon");
        assertThat(sites.chosen()).isEqualTo(input.sites().size());
        assertThat(rows.get(6).chosen())
                .as("deadlines met")
                .isEqualTo(input.training().size());
        assertThat(rows.get(7).chosen())
                .as("services served")
                .isEqualTo(input.inference().size());
        assertThat(c.text()).contains("input as written", "chosen plan", "difference", "+$");
    }
}
