package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a tightening does to a build-out: longer runs and fewer options for a job, more accelerators for a service. */
class TightenedTest {
    @Test
    void of_jobStretched_holdsLongerAndLosesOptionsPastItsDeadline() {
        // 60 days on A from each of 4 quarters, due 200 days after 2026-01-01 (2026-07-20): starts on
        // 01-01 and 04-01 fit (ending 03-02 and 05-31). ×1.5 makes 90 days: 01-01 ends 04-01, now
        // holding into the second quarter; 04-01 ends 06-30, still by the deadline.
        BuildOut p = new Tiny()
                .quarters(4)
                .type("A", "v1", 10, 100, 0)
                .site("s", 1e9)
                .job("pretrain", 8, 200, 60)
                .build();
        assertThat(p.jobs().get(0).options()).hasSize(2);
        assertThat(p.jobs().get(0).options().get(0).endQuarter()).isEqualTo(1);
        BuildOut t = Tightened.of(p, Map.of("pretrain", 1.5), Map.of());
        assertThat(t.jobs().get(0).options()).hasSize(2);
        BuildOut.JobOption first = t.jobs().get(0).options().get(0);
        assertThat(first.days()).isEqualTo(90);
        assertThat(first.gpuHours()).isEqualTo(60 * 24 * 1.5);
        assertThat(first.end()).hasToString("2026-04-01");
        assertThat(first.endQuarter()).isEqualTo(1);
        // ×2: 120 days; from 04-01 it would end 07-30, past the deadline, so only the first start is left.
        BuildOut twice = Tightened.of(p, Map.of("pretrain", 2.0), Map.of());
        assertThat(twice.jobs().get(0).options()).singleElement().satisfies(o -> {
            assertThat(o.startQuarter()).isZero();
            assertThat(o.end()).hasToString("2026-05-01");
            assertThat(o.endQuarter()).isEqualTo(2);
        });
    }

    @Test
    void of_serviceScaled_needsTheFactorMoreRoundedUp() {
        BuildOut p = new Tiny()
                .quarters(2)
                .type("A", "v1", 10, 100, 0)
                .site("s", 1e9)
                .service("chat", 100)
                .build();
        BuildOut t = Tightened.of(p, Map.of(), Map.of("chat", 1.011));
        assertThat(t.services().get(0).options().get(0).accelerators()).containsExactly(102, 102);
        Outcome o = Optimizer.solve(t);
        assertThat(o.decisions().totalBought()).isEqualTo(102);
    }
}
