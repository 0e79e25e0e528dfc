package dev.gigawatt.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled example and seeded variants of it: solved, and the plan written is one the
 * planner accepts and finds within every limit the optimiser was given.
 */
class ExampleTest {
    private static final Path EXAMPLE = Path.of("../examples/optimize-2026.yaml");

    @Test
    void optimize_example_isProvenOptimalWithinItsTimeLimitAndThePlannerAgrees() throws IOException {
        String yaml = Files.readString(EXAMPLE);
        Scenario scenario = ScenarioReader.parse(yaml, "optimize-2026.yaml", Catalog.builtIn());
        Outcome outcome = Optimizer.solve(Coefficients.of(scenario));
        assertThat(outcome.feasible()).isTrue();
        assertThat(outcome.optimal()).as("proven optimal before the 10 s limit").isTrue();
        assertThat(outcome.decisions().totalBought()).isPositive();
        checkWithPlanner(yaml, scenario, outcome);
    }

    @Test
    void repriced_example_byOneIsTheSameProblemAndTenPercentMoreRaisesOnlyThatType() throws IOException {
        Scenario scenario = ScenarioReader.parse(Files.readString(EXAMPLE), "optimize-2026.yaml", Catalog.builtIn());
        BuildOut p = Coefficients.of(scenario);
        int b200 = 1;
        assertThat(p.types().get(b200).name()).isEqualTo("B200");
        BuildOut same = Coefficients.repriced(scenario, p, b200, 1.0);
        BuildOut dearer = Coefficients.repriced(scenario, p, b200, 1.1);
        for (int t = 0; t < p.types().size(); t++) {
            assertThat(same.types().get(t).itCapexUsd())
                    .isCloseTo(p.types().get(t).itCapexUsd(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(same.tcoUsdPerYear()[t])
                    .containsExactly(p.tcoUsdPerYear()[t], org.assertj.core.data.Offset.offset(1e-6));
            if (t != b200) {
                assertThat(dearer.tcoUsdPerYear()[t]).containsExactly(p.tcoUsdPerYear()[t]);
            }
        }
        // The accelerator is most of the IT capex (server and network shares on top): more than 5%, at most 10%.
        double rise =
                dearer.types().get(b200).itCapexUsd() / p.types().get(b200).itCapexUsd() - 1;
        assertThat(rise).isBetween(0.05, 0.1 + 1e-9);
        assertThat(dearer.tcoUsdPerYear()[b200][0]).isGreaterThan(p.tcoUsdPerYear()[b200][0]);
    }

    @Test
    void shadowPrices_example_vendorShareIsPricedAndASolveWithAPointMoreAgrees() throws IOException {
        String yaml = Files.readString(EXAMPLE);
        Scenario scenario = ScenarioReader.parse(yaml, "optimize-2026.yaml", Catalog.builtIn());
        Outcome outcome = Optimizer.solve(Coefficients.of(scenario));
        java.util.List<ShadowPrice> prices = ShadowPrices.of(outcome.problem(), outcome.decisions());
        ShadowPrice vendor = prices.stream()
                .filter(sp -> sp.kind().equals("vendor"))
                .findFirst()
                .orElseThrow();
        assertThat(vendor.subject()).isEqualTo("NVIDIA");
        Scenario wider = ScenarioReader.parse(
                yaml.replace("maxVendorShare: \"90%\"", "maxVendorShare: \"91%\""), "wider.yaml", Catalog.builtIn());
        Outcome more = Optimizer.solve(Coefficients.of(wider));
        double saved = outcome.costs().tcoUsd() - more.costs().tcoUsd();
        // Measured: $1.440M from the dual, $1.424M saved by the re-solve (integer purchases, 0.1% gap).
        assertThat(saved).isCloseTo(vendor.savingUsd(), org.assertj.core.data.Percentage.withPercentage(5));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void optimize_randomVariantOfTheExample_plannerFindsItWithinEveryLimit(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String yaml = Files.readString(EXAMPLE)
                .replace("2027: \"$45B\"", "2027: \"$" + (20 + r.nextInt(30)) + "B\"")
                .replace("2028: \"$45B\"", "2028: \"$" + (20 + r.nextInt(30)) + "B\"")
                .replace("objective: tco", "objective: " + (r.nextBoolean() ? "tco" : "capex"))
                .replace("deliveriesPerQuarter: 150000", "deliveriesPerQuarter: " + (20_000 + r.nextInt(200_000)))
                .replace("users: \"5M\"", "users: \"" + (2 + r.nextInt(6)) + "M\"");
        Scenario scenario = ScenarioReader.parse(yaml, "variant.yaml", Catalog.builtIn());
        Outcome outcome = Optimizer.solve(Coefficients.of(scenario));
        if (outcome.feasible()) {
            checkWithPlanner(yaml, scenario, outcome);
        } else {
            assertThat(outcome.conflicts()).isNotEmpty();
        }
    }

    /** The planner, on the plan written: every site fits from the horizon's start, every workload is served, budgets hold. */
    private static void checkWithPlanner(String yaml, Scenario input, Outcome outcome) {
        String written = PlanWriter.write(yaml, input, outcome);
        assertThat(written).doesNotContain("optimize:");
        Scenario chosen = ScenarioReader.parse(written, "plan.yaml", Catalog.builtIn());
        Planner planner = new Planner(Assumptions.builtIn());
        Plan plan = planner.plan(chosen);
        for (SitePlan site : plan.sites()) {
            for (SitePlan.Shortfall s : site.shortfalls()) {
                assertThat(s.to()).as("%s short from %s", site.name(), s.from()).isNotNull();
                assertThat(s.to()).isBeforeOrEqualTo(input.horizon().start());
            }
        }
        assertThat(plan.warnings()).noneMatch(w -> w.contains("cannot meet its SLOs") || w.contains("the fleet has"));
        assertThat(plan.inference()).allMatch(p -> p.feasible());
        FleetPlan base = planner.plan(input).fleet();
        input.optimization().budgetsUsdByYear().forEach((year, usd) -> {
            double spent = capex(plan.fleet(), year) - capex(base, year);
            assertThat(spent).as("capex of %s", year).isLessThanOrEqualTo(usd * (1 + 1e-9));
        });
    }

    private static double capex(FleetPlan fleet, int year) {
        return fleet.capexByYear().stream()
                .filter(y -> y.year() == year)
                .mapToDouble(FleetPlan.CapexYear::totalUsd)
                .sum();
    }
}
