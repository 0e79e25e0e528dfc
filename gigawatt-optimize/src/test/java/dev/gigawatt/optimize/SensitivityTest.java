package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Price re-solves on problems solved by hand. */
class SensitivityTest {
    /** A service needing 8: A at $10 (100 W) or B at {@code priceB} (50 W), on a 1,000 W site. */
    private static BuildOut twoTypes(double priceA, double priceB) {
        return new Tiny()
                .type("A", "v1", priceA, 100, 0)
                .type("B", "v2", priceB, 50, 0)
                .site("s", 1000)
                .service("chat", 8, 8)
                .build();
    }

    @Test
    void of_boughtTypeDearerThanTheOther_changesTheMix() {
        // 8 A at $10 = $80. A at $11 costs $88 > 8 B at $10.50 = $84: the mix turns to B, capex +$4.
        // B, not bought, at 10% less ($9.45): 8 B = $75.60 < $80, the mix turns to B, capex -$4.40.
        Outcome o = Optimizer.solve(twoTypes(10, 10.5));
        Sensitivity s = Sensitivity.of(o, (t, f) -> t == 0 ? twoTypes(10 * f, 10.5) : twoTypes(10, 10.5 * f));
        assertThat(s.priceChanges()).hasSize(2);
        PriceChange a = s.priceChanges().get(0);
        assertThat(a.factor()).isEqualTo(1.1);
        assertThat(a.mix()).containsEntry("A", 0L).containsEntry("B", 8L);
        assertThat(a.sameMix()).isFalse();
        assertThat(a.objectiveChangeUsd()).isCloseTo(4, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(a.words("capex")).isEqualTo("a 10% higher A price changes the mix to 8 B (capex +$4)");
        PriceChange b = s.priceChanges().get(1);
        assertThat(b.factor()).isEqualTo(0.9);
        assertThat(b.objectiveChangeUsd()).isCloseTo(-4.4, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(b.words("capex")).isEqualTo("a 10% lower B price changes the mix to 8 B (capex -$4)");
    }

    @Test
    void of_boughtTypeStillCheapest_leavesThePlanUnchanged() {
        // A at $11 still beats B at $15: the same 8 A, capex +$8.
        Outcome o = Optimizer.solve(twoTypes(10, 15));
        Sensitivity s = Sensitivity.of(o, (t, f) -> t == 0 ? twoTypes(10 * f, 15) : twoTypes(10, 15 * f));
        PriceChange a = s.priceChanges().get(0);
        assertThat(a.samePlan()).isTrue();
        assertThat(a.words("capex")).isEqualTo("a 10% higher A price leaves the plan unchanged (capex +$8)");
    }

    @Test
    void of_infeasibleOutcome_isEmpty() {
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100e6, 0)
                .site("s", 300e6)
                .service("chat", 8)
                .build();
        Sensitivity s = Sensitivity.of(Optimizer.solve(p), (t, f) -> {
            throw new AssertionError("no re-solve without a plan");
        });
        assertThat(s.shadowPrices()).isEmpty();
        assertThat(s.priceChanges()).isEmpty();
    }
}
