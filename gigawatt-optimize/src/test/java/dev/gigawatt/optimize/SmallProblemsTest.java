package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Build-outs small enough to solve by hand; each test says how. */
class SmallProblemsTest {
    @Test
    void solve_cheaperTypeFits_buysIt() {
        // 8 needed: A costs 8 × $10 = $80 at 8 × 100 W = 800 W ≤ 1,000 W; B would cost $120.
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100, 0)
                .type("B", "v2", 15, 50, 0)
                .site("s", 1000)
                .service("chat", 8, 8)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(o.feasible()).isTrue();
        assertThat(o.optimal()).isTrue();
        assertThat(o.decisions().bought()[0][0][0]).isEqualTo(8);
        assertThat(o.costs().capexUsd()).isEqualTo(80);
    }

    @Test
    void solve_cheaperTypeDoesNotFitTheGrid_buysTheFrugalOne() {
        // A needs 800 W > 700 W: only B (8 × 50 W = 400 W) fits, at 8 × $15 = $120.
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100, 0)
                .type("B", "v2", 15, 50, 0)
                .site("s", 700)
                .service("chat", 8, 8)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(o.decisions().bought()[1][0][0]).isEqualTo(8);
        assertThat(o.costs().capexUsd()).isEqualTo(120);
        assertThat(o.binding()).isEmpty();
    }

    @Test
    void solve_stepCheaperThanTheFrugalType_buildsIt() {
        // A with a $30 step (+500 W): $80 + $30 = $110 < B's $120.
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100, 0)
                .type("B", "v2", 15, 50, 0)
                .site("s", 500)
                .step(0, 500, 30)
                .service("chat", 8, 8)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(o.decisions().bought()[0][0][0]).isEqualTo(8);
        assertThat(o.decisions().stepQuarter()[0]).isZero();
        assertThat(o.costs().capexUsd()).isEqualTo(110);
    }

    @Test
    void solve_deadlineTooSoonForTheSlowType_usesTheFastOne() {
        // 4 accelerators for a job due in 100 days: A takes 200 days, B 80; B costs 4 × $15.
        BuildOut p = new Tiny()
                .quarters(4)
                .type("A", "v1", 10, 100, 0)
                .type("B", "v2", 15, 50, 0)
                .site("s", 10_000)
                .job("pretrain", 4, 100, 200, 80)
                .build();
        Outcome o = Optimizer.solve(p);
        int option = o.decisions().jobOption()[0];
        assertThat(p.jobs().get(0).options().get(option).type()).isEqualTo(1);
        assertThat(o.costs().capexUsd()).isEqualTo(60);
    }

    @Test
    void solve_deliveryLimitBelowTheNeed_buysTheOtherType() {
        // A service runs on one type: 8 of A cannot come when at most 5 A arrive a quarter, so 8 B at $15.
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100, 5)
                .type("B", "v2", 15, 50, 0)
                .site("s", 10_000)
                .service("chat", 8, 8)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(o.costs().capexUsd()).isEqualTo(120);
    }

    @Test
    void solve_gridTooSmallForAnyType_explainsTheShortfall() {
        // B, the frugal one, needs 8 × 50 MW = 400 MW against 300 MW: 100 MW (33.3%) short.
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100e6, 0)
                .type("B", "v2", 15, 50e6, 0)
                .site("s", 300e6)
                .service("chat", 8, 8)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(o.feasible()).isFalse();
        assertThat(o.conflicts())
                .containsExactly("grid capacity at s in 2026-Q1 would need 100.0 MW more than its 300.0 MW (+33.3%)");
    }

    @Test
    void solve_deadlineNoTypeMeets_saysSoWithoutSolving() {
        BuildOut p = new Tiny()
                .quarters(2)
                .type("A", "v1", 10, 100, 0)
                .site("s", 10_000)
                .job("pretrain", 4, 30, 200)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(o.conflicts())
                .containsExactly("training 'pretrain' cannot finish by 2026-01-31: its shortest run is too long");
    }

    @Test
    void solve_deliveriesFarShortOfAService_namesTheServiceAndWhatPlacingItNeeds() {
        // 250 of A against 10 deliverable: overrunning the limit 25 times over costs more than dropping the
        // service, so the least relaxation drops it; the message then says what placing it would need.
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100, 10)
                .site("s", 1e9)
                .service("chat", 250)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(o.feasible()).isFalse();
        assertThat(o.conflicts())
                .containsExactly(
                        "inference 'chat' cannot be placed within the other limits",
                        "to place it, A deliveries in 2026-Q1 would need 240 accelerators more than its 10"
                                + " accelerators (+2,400%)");
    }

    @Test
    void solve_budget_isBinding() {
        // 8 of A at $10 = $80 within a budget of $80: the budget is used to 100%.
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100, 0)
                .site("s", 10_000)
                .service("chat", 8)
                .budget(80)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(o.binding()).extracting(Ledger.Check::what).containsExactly("capex budget of 2026");
    }
}
