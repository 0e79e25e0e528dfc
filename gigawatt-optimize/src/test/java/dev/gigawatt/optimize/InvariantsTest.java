package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Over seeded random build-outs: the plan never breaks a constraint, and the same input gives the same plan. */
class InvariantsTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void solve_randomProblem_planBreaksNoConstraintAndIsRepeatable(long seed) {
        BuildOut p = RandomProblems.medium(seed);
        Outcome first = Optimizer.solve(p);
        Outcome second = Optimizer.solve(p);
        if (!first.feasible()) {
            assertThat(first.conflicts()).isNotEmpty();
            assertThat(second.conflicts()).isEqualTo(first.conflicts());
            return;
        }
        assertThat(first.optimal())
                .as("gap %s objective %s", first.gap(), p.objective())
                .isTrue();
        assertThat(Ledger.violations(p, first.decisions())).isEmpty();
        assertThat(second.decisions().bought()).isDeepEqualTo(first.decisions().bought());
        assertThat(second.decisions().stepQuarter()).isEqualTo(first.decisions().stepQuarter());
        assertThat(second.decisions().jobOption()).isEqualTo(first.decisions().jobOption());
        assertThat(second.decisions().serviceOption())
                .isEqualTo(first.decisions().serviceOption());
    }
}
