package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** Failure rates per accelerator generation, and the scenario's override. */
class FailureRateTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final String HEAD = """
            name: t
            horizon: {start: 2025-01-01, end: 2026-01-01}
            sites:
              - {name: a, grid: US-OH, capacity: "100 MW"}
            """;

    private static double rate(String yaml, String accelerator) {
        Scenario s = ScenarioReader.parse(yaml, "s.yaml", CATALOG);
        return s.reliability()
                .failuresPerAcceleratorHour(
                        CATALOG.accelerators().find(accelerator).orElseThrow(), CATALOG);
    }

    @Test
    void rate_perGeneration_scalesTheLlama3Reference() {
        // Table 5: 419 unexpected interruptions / (16,384 GPUs × 54 days × 24 h) = 1.973e-5 per GPU-hour.
        double h100 = rate(HEAD, "H100-SXM");
        assertThat(h100).isCloseTo(419.0 / (16384 * 54 * 24), within(1e-12));
        assertThat(rate(HEAD, "A100-SXM") / h100).isCloseTo(1.38, within(1e-9));
        assertThat(rate(HEAD, "GB200") / h100).isCloseTo(1.12, within(1e-9));
        assertThat(rate(HEAD, "MI300X") / h100).isEqualTo(1.0);
    }

    @Test
    void rate_scenarioMtbf_holdsForEveryGeneration() {
        String yaml = HEAD + "reliability: {acceleratorMtbf: \"10000 h\"}\n";
        assertThat(rate(yaml, "A100-SXM")).isCloseTo(1e-4, within(1e-15));
        assertThat(rate(yaml, "H100-SXM")).isCloseTo(1e-4, within(1e-15));
    }
}
