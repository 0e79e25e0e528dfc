package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On problems small enough to enumerate every decision, the solver finds the cheapest plan there is. */
class BruteForceTest {
    /** Accelerators of one type bought over both quarters: more than any tiny problem can use. */
    private static final int MOST = 7;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void solve_tinyProblem_matchesEnumeration(long seed) {
        BuildOut p = RandomProblems.tiny(seed);
        double best = enumerate(p);
        Outcome o = Optimizer.solve(p);
        if (Double.isInfinite(best)) {
            assertThat(o.feasible()).as("enumeration finds no plan").isFalse();
            assertThat(o.conflicts()).isNotEmpty();
        } else {
            assertThat(o.feasible())
                    .as("enumeration finds a plan costing %s", best)
                    .isTrue();
            assertThat(o.costs().objectiveUsd(p.objective()))
                    .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, best)));
        }
    }

    /** The cheapest objective over every decision that breaks no check, or infinity when none is feasible. */
    private static double enumerate(BuildOut p) {
        double best = Double.POSITIVE_INFINITY;
        int jobs = p.jobs().get(0).options().size();
        int services = p.services().get(0).options().size();
        for (int[] buy : splits()) {
            for (int[] buy2 : splits()) {
                long[][][] bought = {{{buy[0], buy[1]}}, {{buy2[0], buy2[1]}}};
                for (int step = -1; step < 2; step++) {
                    if (step >= 0 && step < p.steps().get(0).firstQuarter()) {
                        continue;
                    }
                    for (int j = 0; j < jobs; j++) {
                        for (int i = 0; i < services; i++) {
                            Decisions d = new Decisions(bought, new int[] {step}, new int[] {j}, new int[] {i});
                            double cost = Costs.of(p, d).objectiveUsd(p.objective());
                            if (cost < best - 1e-9 && Ledger.violations(p, d).isEmpty()) {
                                best = cost;
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Every (first quarter, second quarter) purchase of at most {@link #MOST} in all. */
    private static java.util.List<int[]> splits() {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int a = 0; a <= MOST; a++) {
            for (int b = 0; a + b <= MOST; b++) {
                out.add(new int[] {a, b});
            }
        }
        return out;
    }
}
