package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's restart time grows with its accelerators, anchored on the Llama 3 job. */
class RestartTimeTest {
    private static List<TrainingPlan> plan(String reliability) {
        String yaml = """
                name: restarts
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US, capacity: "2 GW"}
                training:
                  - {name: small, model: llama-3.1-8b, tokens: "1T", accelerators: 8, accelerator: H100-SXM}
                  - {name: llama3, model: llama-3.1-405b, tokens: "15.6T", accelerators: 16384, accelerator: H100-SXM}
                  - {name: huge, model: llama-3.1-405b, tokens: "15.6T", accelerators: 131072, accelerator: H100-SXM}
                """ + reliability;
        var scenario = ScenarioReader.parse(yaml, "restarts.yaml", Catalog.builtIn());
        return new Planner(Assumptions.builtIn()).plan(scenario).training();
    }

    @Test
    void builtIn_llama3Job_restartsInTenMinutes_andLargerJobsTakeLonger() {
        List<TrainingPlan> p = plan("");
        assertThat(p.get(1).restartMinutes()).isCloseTo(10, within(0.05));
        assertThat(p.get(0).restartMinutes()).isLessThan(p.get(1).restartMinutes());
        assertThat(p.get(2).restartMinutes()).isGreaterThan(p.get(1).restartMinutes() + 4);
    }

    @Test
    void scenario_setsBothParts_andNoGrowthGivesOneRestartTime() {
        List<TrainingPlan> p = plan("reliability: {restartOverhead: \"5 min\", restartPerAccelerator: \"0 s\"}\n");
        assertThat(p).allSatisfy(t -> assertThat(t.restartMinutes()).isCloseTo(5, within(1e-9)));
        List<TrainingPlan> grown =
                plan("reliability: {restartOverhead: \"5 min\", restartPerAccelerator: \"10 ms\"}\n");
        assertThat(grown.get(2).restartMinutes()).isCloseTo(5 + 131072 * 0.010 / 60, within(1e-9));
        // A longer restart costs effective training time.
        assertThat(grown.get(2).ettr()).isLessThan(p.get(2).ettr());
    }

    @Test
    void restartPerAccelerator_outOfRange_isAPathPreciseError() {
        String yaml = """
                name: bad
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US, capacity: "1 MW"}
                reliability: {restartPerAccelerator: "5 s"}
                """;
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "bad.yaml", Catalog.builtIn()))
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.problems()).anySatisfy(pr -> {
                            assertThat(pr.path()).isEqualTo("reliability.restartPerAccelerator");
                            assertThat(pr.message()).contains("must be between 0 s and 1 s");
                        }));
    }
}
