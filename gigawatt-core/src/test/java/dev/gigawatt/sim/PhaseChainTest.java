package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job whose phases run on different numbers of accelerators holds each phase's own, one after another. */
class PhaseChainTest {
    private static final String YAML = """
            name: phases
            seed: 3
            horizon: {start: 2025-01-01, end: 2025-07-01}
            sites:
              - {name: a, grid: US-OH, capacity: "100 MW"}
            fleet:
              - {accelerator: H100-SXM, count: 4096, site: a, inService: 2025-01-01}
            training:
              - name: run
                model: llama-3.1-8b
                accelerator: H100-SXM
                accelerators: 2048
                site: a
                phases:
                  - {name: short, tokens: "400B", accelerators: 2048}
                  - {name: long, tokens: "40B", sequenceLength: 65536, accelerators: 512, globalBatch: 64}
            """;

    @Test
    void phases_runAsAChain_eachHoldingItsOwnAccelerators() {
        Scenario s = FleetSimulatorTest.scenario(YAML);
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        List<JobRecord> jobs = r.jobs();
        assertThat(jobs).extracting(JobRecord::name).containsExactly("run / short", "run / long");
        JobRecord first = jobs.get(0);
        JobRecord second = jobs.get(1);
        assertThat(first.gpus()).isEqualTo(2048);
        assertThat(second.gpus()).isEqualTo(512);
        assertThat(first.completed()).isTrue();
        assertThat(second.completed()).isTrue();
        // The long-context phase is submitted when the first completes and starts then (the pool is free).
        assertThat(second.submitSeconds()).isEqualTo(first.endSeconds());
        assertThat(second.startSeconds()).isEqualTo(first.endSeconds());
        // It holds 512 accelerators, not the job's 2,048: its held GPU-hours are at most 512 x its wall time.
        double secondWallHours = (second.endSeconds() - second.startSeconds()) / 3600;
        assertThat(second.gpuHours()).isLessThanOrEqualTo(512 * secondWallHours * (1 + 1e-9));
    }

    @Test
    void plannerAndSimulator_agreeOnTheChainsGpuHours() {
        Scenario s = FleetSimulatorTest.scenario(YAML);
        TrainingPlan plan =
                new Planner(Assumptions.builtIn()).plan(s).training().get(0);
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        double simulated = r.jobs().stream().mapToDouble(JobRecord::gpuHours).sum();
        // Failures are random in the simulator and expected values in the planner: within 5%.
        assertThat(simulated / plan.gpuHours()).isCloseTo(1, within(0.05));
        double useful = r.jobs().stream().mapToDouble(JobRecord::usefulGpuHours).sum();
        double compute = plan.phases().stream()
                .mapToDouble(p -> p.computeSeconds() * p.gpus() / 3600)
                .sum();
        assertThat(useful).isCloseTo(compute, within(compute * 1e-9));
    }

    @Test
    void phasesOfOneSize_stayOneJob() {
        Scenario s = FleetSimulatorTest.scenario(YAML.replace("accelerators: 512", "accelerators: 2048"));
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        assertThat(r.jobs()).extracting(JobRecord::name).containsExactly("run");
    }
}
