package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** The {@code npv} objective on one site and one candidate, checked by hand, and the missing-revenue message. */
class NpvTest {
    /** A chat service without growth: everything it needs is bought at the horizon's start. */
    private static final String ONE = """
            name: one
            seed: 1
            horizon: {start: 2026-01-01, end: 2027-01-01}
            sites:
              - {name: columbus, grid: US-OH, capacity: "100 MW", cooling: liquid}
            inference:
              - name: chat
                model: llama-3.1-70b
                users: "10M"
                requestsPerUserPerDay: 10
                inputTokens: 1500
                outputTokens: 400
                slo: {ttft: "2 s", tpot: "50 ms"}
                peakToMean: 1.7
                accelerator: H100-SXM
                parallelism: choose
                precision: fp8
            finance:
              revenue: {perMillionTokens: "$2"}
              costOfCapital: "10%"
              evaluationYears: 2
            optimize:
              objective: npv
              accelerators:
                - name: H100-SXM
            """;

    @Test
    void solve_oneSiteOneCandidate_npvIsRevenueLessCapexAndOpexOverTwoYearsPlusBookValue() {
        Scenario s = ScenarioReader.parse(ONE, "one.yaml", Catalog.builtIn());
        Outcome o = Optimizer.solve(Coefficients.of(s));
        assertThat(o.feasible()).isTrue();
        long n = o.decisions().bought()[0][0][0];
        assertThat(o.decisions().totalBought())
                .as("all bought in the first quarter")
                .isEqualTo(n);
        assertThat(n).isPositive();
        // By hand: two years at 10%, yearly flows at each year's end: A = 1/1.1 + 1/1.21 = 1.7355372.
        double a = 1 / 1.1 + 1 / 1.21;
        // Revenue: 10M users × 10 requests × 400 tokens = 4e10 tokens a day, × 365 / 1e6 × $2 = $29.2M a year.
        double revenue = 4e10 * 365 / 1e6 * 2;
        // Per accelerator: IT capex up front, opex (electricity, maintenance) each year, and the book value
        // left after 2 of its 5.5 years, 1 − 2/5.5 = 63.6% of the capex, discounted two years.
        double capex = o.problem().types().get(0).itCapexUsd();
        String written = PlanWriter.write(ONE, s, o);
        FleetPlan fleet = new Planner(Assumptions.builtIn())
                .plan(ScenarioReader.parse(written, "plan.yaml", Catalog.builtIn()))
                .fleet();
        double opex = fleet.opexUsdPerYear() / n;
        double unit = -capex - opex * a + capex * (1 - 2 / 5.5) / 1.21;
        double expected = revenue * a + n * unit;
        assertThat(o.costs().objectiveUsd("npv")).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
        assertThat(o.problem().npv().revenueUsd()).isCloseTo(29.2e6 * a, within(1.0));
    }

    @Test
    void missingRevenue_noRevenueGiven_namesTheKey() {
        Scenario s = ScenarioReader.parse(
                ONE.replace("  revenue: {perMillionTokens: \"$2\"}\n", ""), "one.yaml", Catalog.builtIn());
        assertThat(Npv.missingRevenue(s))
                .isEqualTo("npv needs revenue: finance.revenue.perMillionTokens is missing (a price such as \"$0.50\""
                        + " per million output tokens served; or finance.revenue.perUserPerYear)");
        assertThat(Npv.missingRevenue(ScenarioReader.parse(ONE, "one.yaml", Catalog.builtIn())))
                .isNull();
    }
}
