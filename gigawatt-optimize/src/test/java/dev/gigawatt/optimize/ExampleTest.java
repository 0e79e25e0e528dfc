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
