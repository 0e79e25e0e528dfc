package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shadow prices on problems small enough to price by hand, each checked by solving again with the limit moved. */
class ShadowPricesTest {
    /**
     * One site, 1,100 W. A service needs 8 of A (v1, 100 W); a 50 % vendor share forces 8 of v2 too:
     * B ($12, 50 W) or C ($15, 10 W). With 300 W left, 50 nB + 10 (8 − nB) ≤ 300 gives nB ≤ 5.5 at
     * the margin: each W more swaps 1/40 of a C for a B and saves $3/40 = $0.075, $75,000 per MW. The
     * integer plan buys 5 B and 3 C ($105); 40 W more admits a sixth B ($102): $3 = 40 W × $0.075.
     */
    private static BuildOut vendorForcedPurchases(double capacityWatts) {
        Tiny t = new Tiny()
                .type("A", "v1", 10, 100, 0)
                .type("B", "v2", 12, 50, 0)
                .type("C", "v2", 15, 10, 0)
                .site("s", capacityWatts)
                .service("chat", 8);
        t.maxVendorShare = 0.5;
        return t.build();
    }

    @Test
    void of_gridBindsTheVendorForcedPurchases_pricesAMegawattAtTheSwapCost() {
        Outcome o = Optimizer.solve(vendorForcedPurchases(1100));
        assertThat(o.decisions().bought()[1][0][0]).isEqualTo(5);
        assertThat(o.decisions().bought()[2][0][0]).isEqualTo(3);
        List<ShadowPrice> prices = ShadowPrices.of(o.problem(), o.decisions());
        ShadowPrice power = prices.stream()
                .filter(p -> p.kind().equals("power"))
                .findFirst()
                .orElseThrow();
        assertThat(power.subject()).isEqualTo("s");
        assertThat(power.from()).isEqualTo("2026-Q1");
        // Capex objective: $3/40 W, plus its 10⁻⁶ tie-break of TCO (relative 10⁻⁷ here).
        assertThat(power.savingUsd()).isCloseTo(75_000, within(0.1));
        assertThat(power.words("capex")).isEqualTo("1 MW more at s from 2026-Q1 would save $75,000 of capex");

        Outcome more = Optimizer.solve(vendorForcedPurchases(1140));
        double saved = o.costs().capexUsd() - more.costs().capexUsd();
        assertThat(saved).isEqualTo(3);
        assertThat(saved).isCloseTo(power.savingUsd() * 40e-6, within(1e-4));
    }

    @Test
    void of_vendorShareBinds_pricesAPercentagePointByHand() {
        // v1's row: 8 (1 − s) − s (nB + nC) ≤ 0. One v2 accelerator fewer saves $15.75 at the margin
        // (a C, $15, whose 10 W swap 1/4 of a C for a B, $0.75); per unit of the row, 15.75 / s = $31.50;
        // a point more share moves the row by 0.01 × 16 accelerators: $5.04.
        Outcome o = Optimizer.solve(vendorForcedPurchases(1100));
        List<ShadowPrice> prices = ShadowPrices.of(o.problem(), o.decisions());
        assertThat(prices).extracting(ShadowPrice::kind).containsExactly("power", "vendor");
        ShadowPrice vendor = prices.get(1);
        assertThat(vendor.subject()).isEqualTo("v1");
        assertThat(vendor.savingUsd()).isCloseTo(5.04, within(1e-4));
    }

    /**
     * A job on 8 of A ($10,000, TCO $2,500 a year) due by 2026-06-30 takes 80 days: from 2026-04-01
     * only. At most 5 A arrive a quarter, so 3 come a quarter early; one more deliverable in 2026-Q2
     * saves a quarter of TCO: $2,500 × 90/365 = $616.44.
     */
    private static BuildOut earlyDeliveries(long deliveries) {
        Tiny t = new Tiny().quarters(2).type("A", "v1", 10_000, 100, deliveries).site("s", 1e9);
        t.objective = "tco";
        return t.job("pretrain", 8, 180, 80).build();
    }

    @Test
    void of_deliveriesForceEarlyPurchases_pricesOneMoreDeliveryAtAQuarterOfTco() {
        Outcome o = Optimizer.solve(earlyDeliveries(5));
        assertThat(o.decisions().bought()[0][0]).containsExactly(3, 5);
        List<ShadowPrice> prices = ShadowPrices.of(o.problem(), o.decisions());
        assertThat(prices).hasSize(1);
        assertThat(prices.get(0).kind()).isEqualTo("deliveries");
        assertThat(prices.get(0).from()).isEqualTo("2026-Q2");
        assertThat(prices.get(0).savingUsd()).isCloseTo(2500.0 * 90 / 365, within(1e-6));

        Outcome more = Optimizer.solve(earlyDeliveries(6));
        assertThat(o.costs().tcoUsd() - more.costs().tcoUsd()).isCloseTo(2500.0 * 90 / 365, within(1e-9));
    }

    @Test
    void of_nothingBinds_hasNoPrices() {
        // The cheapest type fits with room to spare and nothing forces a purchase beyond the need.
        BuildOut p = new Tiny()
                .type("A", "v1", 10, 100, 0)
                .site("s", 10_000)
                .service("chat", 8)
                .budget(1000)
                .build();
        Outcome o = Optimizer.solve(p);
        assertThat(ShadowPrices.of(p, o.decisions())).isEmpty();
    }

    @Test
    void words_eachKind_saysWhatOneMoreUnitSaves() {
        assertThat(new ShadowPrice("budget", "2026", "", "$1M", 120_000).words("tco"))
                .isEqualTo("the 2026 capex budget binds: each $1M more would save $120,000 of TCO");
        assertThat(new ShadowPrice("co2e", "", "", "tCO2e", 85).words("tco"))
                .isEqualTo("the CO2e limit binds: each tCO2e more allowed would save $85 of TCO");
        assertThat(new ShadowPrice("deliveries", "GB300", "2027-Q1", "accelerator a quarter", 2.4e6).words("capex"))
                .isEqualTo("one more GB300 deliverable a quarter from 2027-Q1 would save $2.4M of capex");
        assertThat(new ShadowPrice("vendor", "NVIDIA", "", "percentage point", 1.4e6).words("tco"))
                .isEqualTo("NVIDIA's share limit binds: 1 percentage point more would save $1.4M of TCO");
    }
}
