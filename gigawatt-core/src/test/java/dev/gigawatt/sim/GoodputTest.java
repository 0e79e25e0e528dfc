package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.report.CsvResultWriter;
import dev.gigawatt.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoodputTest {
    private static final String MIX = """
            name: goodput
            seed: 5
            horizon: {start: 2025-01-01, end: 2025-02-01}
            sites:
              - {name: a, grid: US-OH, capacity: "100 MW", pue: 1.2}
            fleet:
              - {accelerator: H100-SXM, count: 4096, site: a, inService: 2025-01-01}
            training:
              - {name: big, model: llama-3.1-8b, tokens: 1T, accelerators: 2048, accelerator: H100-SXM, mfu: "40%"}
            jobMix:
              - {name: research, site: a, accelerator: H100-SXM, arrivalsPerDay: 20,
                 accelerators: {min: 64, max: 1024}, duration: {median: "6 h", spread: 0.8}}
            reliability:
              acceleratorMtbf: "5,000 h"
            """;

    private static JobRecord job(double held, double lost, double useful) {
        return new JobRecord("j", "a", "H100-SXM", 8, 0, 0, 1, 0, 0, lost, held, useful, 1, 1, "");
    }

    @Test
    void of_handComputed_isUsefulOverHeld() {
        // Held 100 + 300 = 400 h, useful 80 + 240 = 320 h: goodput 80%; lost 10 + 20 = 30 h: kept 92.5%.
        List<JobRecord> jobs = List.of(job(100, 10, 80), job(300, 20, 240));
        assertThat(Goodput.of(jobs)).isCloseTo(0.80, within(1e-12));
        assertThat(Goodput.keptShare(jobs)).isCloseTo(0.925, within(1e-12));
    }

    @Test
    void of_nothingHeld_isOne() {
        assertThat(Goodput.of(List.of())).isEqualTo(1);
    }

    @Test
    void trainingGoodput_equalsSumOfUsefulOverSumOfHeldInJobsCsv(@TempDir Path dir) throws IOException {
        Scenario s = FleetSimulatorTest.scenario(MIX);
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        new CsvResultWriter().writeFiles(r, dir);
        List<String> lines = Files.readAllLines(dir.resolve("jobs.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int held = header.indexOf("gpu_hours");
        int useful = header.indexOf("useful_gpu_hours");
        int lost = header.indexOf("lost_gpu_hours");
        double sumHeld = 0;
        double sumUseful = 0;
        double sumLost = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            sumHeld += Double.parseDouble(cells[held]);
            sumUseful += Double.parseDouble(cells[useful]);
            sumLost += Double.parseDouble(cells[lost]);
        }
        assertThat(sumLost).isPositive();
        assertThat(r.trainingGoodput()).isCloseTo(sumUseful / sumHeld, within(1e-9));
        assertThat(r.trainingKeptShare()).isCloseTo(1 - sumLost / sumHeld, within(1e-9));
        // Checkpoints and restarts are held but not useful, so goodput is below the kept share.
        assertThat(r.trainingGoodput()).isLessThan(r.trainingKeptShare());
        assertThat(Kpis.of(r).stream().filter(k -> k.name().equals("training_goodput")))
                .singleElement()
                .satisfies(k -> assertThat(k.value()).isEqualTo(r.trainingGoodput()));
    }

    @Test
    void kpisOnly_noJobRecords_sameTotalsKpisAndSeriesToTheBit() {
        Scenario s = FleetSimulatorTest.scenario(MIX);
        for (SchedulingPolicy policy : SchedulingPolicy.values()) {
            SimulationResult full = FleetSimulator.simulate(s, new SimulationOptions(2, policy));
            SimulationResult lean = FleetSimulator.simulate(s, new SimulationOptions(2, policy).kpisOnly());
            assertThat(full.jobs()).hasSizeGreaterThan(500);
            assertThat(lean.jobs()).isEmpty();
            assertThat(lean.jobEvents()).isEmpty();
            // The totals a run without records sums as jobs finish are those of the records, in their order.
            assertThat(full.jobTotals()).isEqualTo(JobTotals.of(full.jobs()));
            assertThat(lean.jobTotals()).isEqualTo(full.jobTotals());
            assertThat(lean.jobTotals().interruptions()).isPositive();
            assertThat(Kpis.of(lean)).isEqualTo(Kpis.of(full));
            for (int h = 0; h < full.hours(); h++) {
                assertThat(lean.sites().get(0).facilityEnergyMwh(h))
                        .isEqualTo(full.sites().get(0).facilityEnergyMwh(h));
            }
        }
    }
}
