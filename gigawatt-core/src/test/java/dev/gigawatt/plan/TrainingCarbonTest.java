package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** The physical and the model-card disclosure basis of training energy and CO2e, side by side. */
class TrainingCarbonTest {
    @Test
    void of_handComputed() {
        // 1,000 h × 854.25 W × 1.1 = 939.675 kWh physical; 1,000 h × 700 W × 1.1 = 770 kWh disclosed.
        // At 400 g/kWh: 0.37587 t and 0.308 t; market-based with 25% renewables and a 500 g/kWh residual
        // mix: 0.75 × 500 = 375 g/kWh × 939.675 kWh = 0.35238 t.
        TrainingCarbon c = TrainingCarbon.of(1_000, 0, 854.25, 257.5, 700, 1.1, 400, 0.75 * 500);
        assertThat(c.energyMwh()).isCloseTo(0.939675, within(1e-9));
        assertThat(c.disclosureEnergyMwh()).isCloseTo(0.770, within(1e-9));
        assertThat(c.co2eTonnesLocation()).isCloseTo(0.37587, within(1e-9));
        assertThat(c.co2eTonnesMarket()).isCloseTo(0.352378125, within(1e-9));
        assertThat(c.disclosureCo2eTonnes()).isCloseTo(0.308, within(1e-9));
    }

    @Test
    void of_stalledHoursDrawTheStalledPower_disclosureUnchanged() {
        // 900 h busy × 854.25 W + 100 h stalled × 257.5 W = 768,825 + 25,750 = 794,575 Wh; × 1.1 = 874.0325 kWh.
        TrainingCarbon c = TrainingCarbon.of(1_000, 100, 854.25, 257.5, 700, 1.1, 400, 400);
        assertThat(c.energyMwh()).isCloseTo(0.8740325, within(1e-9));
        assertThat(c.disclosureEnergyMwh()).isCloseTo(0.770, within(1e-9));
    }

    @Test
    void plan_oneJob_bothBasesMatchHandArithmetic() {
        String yaml = """
                name: one-job
                horizon: {start: 2025-01-01, end: 2025-07-01}
                sites:
                  - {name: a, grid: US-OH, capacity: "100 MW", pue: 1.2}
                fleet:
                  - {accelerator: H100-SXM, count: 4096, site: a, inService: 2025-01-01}
                training:
                  - {name: j, model: llama-3.1-8b, tokens: 2T, accelerators: 2048, accelerator: H100-SXM, mfu: "40%"}
                """;
        Catalog catalog = Catalog.builtIn();
        TrainingPlan j = new Planner(Assumptions.builtIn())
                .plan(ScenarioReader.parse(yaml, "one-job.yaml", catalog))
                .training()
                .get(0);
        double grams = catalog.grids().find("US-OH").orElseThrow().carbonIntensityGramsPerKwh();
        // Physical: an HGX H100 share is 700 W + 4,600 W / 8 = 1,275 W of nameplate; busy at the measured
        // 67% (MLPerf Training v4.0 node power, 6,848 W of 10.2 kW) = 854.25 W while computing; stalled
        // (checkpoint writes, restarts) at idle, 70 W + 1,500 W / 8 = 257.5 W; × PUE 1.2.
        double wallSeconds = j.wallClockDays() * 86_400;
        double stalledSeconds = j.computeSeconds() / (j.checkpointIntervalMinutes() * 60) * j.checkpointWriteSeconds()
                + wallSeconds / (j.jobMtbfHours() * 3600) * j.restartMinutes() * 60;
        double stalledGpuHours = 2048 * stalledSeconds / 3600;
        assertThat(stalledGpuHours).isPositive().isLessThan(0.1 * j.gpuHours());
        double physicalMwh = ((j.gpuHours() - stalledGpuHours) * 854.25 + stalledGpuHours * 257.5) * 1.2 / 1e6;
        // Disclosure (model card): accelerator TDP 700 W × PUE 1.2, no host.
        double cardMwh = j.gpuHours() * 700 * 1.2 / 1e6;
        assertThat(j.energyMwh()).isCloseTo(physicalMwh, within(1e-9 * physicalMwh));
        assertThat(j.disclosureEnergyMwh()).isCloseTo(cardMwh, within(1e-9 * cardMwh));
        assertThat(j.co2eTonnesLocation()).isCloseTo(physicalMwh * grams / 1e3, within(1e-6 * physicalMwh));
        assertThat(j.disclosureCo2eTonnes()).isCloseTo(cardMwh * grams / 1e3, within(1e-6 * cardMwh));
        // The bases differ by a little less than 854.25 / 700 = 1.220 (host share and busy draw against
        // TDP): the stalled hours draw less.
        assertThat(j.energyMwh() / j.disclosureEnergyMwh()).isBetween(1.19, 1.2204);
    }
}
