package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Llama 3.1 405B run simulated event by event: with the cluster's spare GPUs standing in for failed
 * ones while they are repaired, it finishes near the model card's 30.84M GPU-hours (with none spare it
 * waited for repairs most of the year, ETTR 5%).
 */
class PublishedRunSimulationTest {
    @Test
    void llama3_405b_finishesNearTheModelCardsGpuHours() {
        Scenario s = ScenarioReader.read(
                Path.of("..", "examples", "llama3-405b.yaml"), "llama3-405b.yaml", Catalog.builtIn());
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        JobRecord run = r.jobs().get(0);
        assertThat(run.completed()).isTrue();
        assertThat(run.gpuHours() / 30.84e6).isCloseTo(1.0, within(0.05));
        assertThat(run.ettr()).isGreaterThan(0.9);
    }
}
