package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Embodied emissions of accelerators, hosts, network and facility, each over its book life. */
class EmbodiedCo2eTest {
    static SitePlan site(String accelerator) {
        String yaml = """
                name: one-site
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US, capacity: "100 MW"}
                fleet:
                  - {accelerator: %s, count: 8064, site: a, inService: 2025-01-01}
                """.formatted(accelerator);
        return new Planner(Assumptions.builtIn())
                .plan(ScenarioReader.parse(yaml, "one-site.yaml", Catalog.builtIn()))
                .sites()
                .get(0);
    }

    @Test
    void plan_hgxServers_everyPartByHand() {
        EmbodiedCo2e e = site("H100-SXM").embodied();
        // Accelerators: 8,064 × (150 + 400) / 2 kg / 5.5 years = 403.2 t/year.
        assertThat(e.acceleratorsTonnesPerYear()).isCloseTo(8_064 * 275 / 5.5 / 1e3, within(1e-9));
        // Hosts: 1,008 HGX servers × 1,350 kg / 5.5 years = 247.4 t/year.
        assertThat(e.hostsTonnesPerYear()).isCloseTo(1_008 * 1_350 / 5.5 / 1e3, within(1e-9));
        // Network: 8,064 × 100 kg / 5.5 years = 146.6 t/year.
        assertThat(e.networkTonnesPerYear()).isCloseTo(8_064 * 100 / 5.5 / 1e3, within(1e-9));
        // Facility: 100 MW × 1,800 t/MW / 25 years = 7,200 t/year.
        assertThat(e.facilityTonnesPerYear()).isCloseTo(7_200, within(1e-6));
        assertThat(e.totalTonnesPerYear())
                .isCloseTo(
                        e.acceleratorsTonnesPerYear() + e.hostsTonnesPerYear() + e.networkTonnesPerYear() + 7_200,
                        within(1e-6));
    }

    @Test
    void plan_rackScaleSystem_hostAlreadyInTheAcceleratorRange() {
        // GB200 NVL72: the catalog range includes a 1/72 share of the Grace CPUs, switch trays and rack.
        EmbodiedCo2e e = site("GB200").embodied();
        assertThat(e.hostsTonnesPerYear()).isZero();
        assertThat(e.networkTonnesPerYear()).isCloseTo(8_064 * 100 / 5.5 / 1e3, within(1e-9));
    }
}
