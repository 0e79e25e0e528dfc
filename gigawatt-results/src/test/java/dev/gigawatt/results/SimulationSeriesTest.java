package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue lengths and wait bins of the simulation report, against hand-counted job lists. */
class SimulationSeriesTest {
    private static final double NEVER = Double.NaN;

    @Test
    void maxWaitingPerDay_overlappingWaits_countsTheMostAtOnceAndCarriesWaitsOverDays() {
        // Submitted at h 2 and started at h 30; submitted at h 5, started at h 6; submitted at h 50,
        // never started: day 0 has two waiting at once (h 5-6), day 1 one (h 24-30), day 2 one from h 50.
        List<double[]> jobs = List.of(new double[] {2, 30}, new double[] {5, 6}, new double[] {50, NEVER});

        assertThat(SimulationSeries.maxWaitingPerDay(jobs, 4)).containsExactly(2, 1, 1, 1);
    }

    @Test
    void maxWaitingPerDay_jobStartingWhenSubmitted_neverWaits() {
        List<double[]> jobs = List.of(new double[] {3, 3}, new double[] {30, 30});

        assertThat(SimulationSeries.maxWaitingPerDay(jobs, 2)).containsExactly(0, 0);
    }

    @Test
    void waitBins_eachWait_fallsInTheBinOfItsUpperEdge() {
        // Waits of 0 h, 1 h (edge: <= 1 h), 1.5 h, 24 h, 100 h, 200 h and one job that never started.
        List<double[]> jobs = List.of(
                new double[] {0, 0},
                new double[] {0, 1},
                new double[] {0, 1.5},
                new double[] {10, 34},
                new double[] {0, 100},
                new double[] {0, 200},
                new double[] {0, NEVER});

        assertThat(SimulationSeries.waitBins(jobs)).containsExactly(1, 1, 1, 1, 0, 1, 1, 1);
    }
}
