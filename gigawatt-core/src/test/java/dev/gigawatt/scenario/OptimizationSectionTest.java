package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code optimize:} section: the values read, and every problem with its exact path, line and message. */
class OptimizationSectionTest {
    /** Lines 1-13; the optimize section starts on line 14. */
    private static final String BASE = """
            name: t
            horizon: {start: 2026-01-01, end: 2028-01-01}
            sites:
              - {name: a, grid: US-OH, capacity: "100 MW"}
              - {name: b, grid: US-TX, capacity: "50 MW"}
            training:
              - name: pretrain
                model: llama-3.1-70b
                tokens: "1T"
                accelerators: 1024
                accelerator: H100-SXM
            finance:
              facilityCost: "$10M/MW"
            """;

    private static Scenario parse(String yaml) {
        return ScenarioReader.parse(yaml, "s.yaml", Catalog.builtIn());
    }

    private static List<Problem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    @Test
    void parse_noSection_hasNoOptimization() {
        assertThat(parse(BASE).optimization()).isNull();
    }

    @Test
    void parse_fullSection_readsEveryValue() {
        Optimization o = parse(BASE + """
                optimize:
                  objective: capex
                  timeLimit: "30 s"
                  accelerators:
                    - {name: gb200, price: "$60k", available: 2026-04, deliveriesPerQuarter: 5000}
                    - {name: B200}
                  sites: [b]
                  capacitySteps:
                    - {site: b, power: "200 MW", earliest: 2027-01, cost: "$1.5B", name: b-second}
                  deadlines: {pretrain: 2026-09-30}
                  budgets: {2026: "$2B", 2027: "$3B"}
                  maxCo2e: "1.5 Mt"
                  maxVendorShare: "80%"
                """).optimization();
        assertThat(o.objective()).isEqualTo("capex");
        assertThat(o.timeLimitSeconds()).isEqualTo(30);
        assertThat(o.accelerators()).hasSize(2);
        Optimization.Candidate gb200 = o.accelerators().get(0);
        assertThat(gb200.accelerator().name()).isEqualTo("GB200");
        assertThat(gb200.priceUsd()).isEqualTo(60_000);
        assertThat(gb200.available()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(gb200.deliveriesPerQuarter()).isEqualTo(5000);
        assertThat(o.accelerators().get(1).priceUsd()).isNaN();
        assertThat(o.sites()).containsExactly("b");
        assertThat(o.capacitySteps())
                .containsExactly(new Optimization.StepOption("b-second", "b", 200e6, LocalDate.of(2027, 1, 1), 1.5e9));
        assertThat(o.deadlines()).containsEntry("pretrain", LocalDate.of(2026, 9, 30));
        assertThat(o.budgetsUsdByYear()).containsEntry(2026, 2e9).containsEntry(2027, 3e9);
        assertThat(o.maxCo2eKg()).isEqualTo(1.5e9);
        assertThat(o.maxVendorShare()).isEqualTo(0.8);
    }

    @Test
    void parse_defaults_tcoTenSecondsAndHorizonStart() {
        Optimization o = parse(BASE + """
                optimize:
                  accelerators: [{name: B200}]
                  capacitySteps: [{site: a, power: "1 GW"}]
                """).optimization();
        assertThat(o.objective()).isEqualTo("tco");
        assertThat(o.timeLimitSeconds()).isEqualTo(10);
        assertThat(o.capacitySteps().get(0).earliest()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(o.capacitySteps().get(0).name()).isEqualTo("a-step-1");
        assertThat(o.maxCo2eKg()).isNaN();
    }

    @Test
    void parse_misspeltKey_hintsTheClosestKey() {
        List<Problem> problems = problems(BASE + """
                optimize:
                  accelerators: [{name: B200}]
                  budget: {2026: "$1B"}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("optimize.budget");
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).startsWith("unknown key 'budget'; did you mean 'budgets'?");
        });
    }

    @Test
    void parse_badValues_reportsEachWithItsPath() {
        List<Problem> problems = problems(BASE + """
                optimize:
                  objective: npv-ish
                  accelerators:
                    - {name: GB-200}
                  capacitySteps:
                    - {site: c, power: 200}
                  deadlines: {pretrian: 2026-09-30}
                  budgets: {2030: "$1B"}
                """);
        assertThat(problems)
                .extracting(Problem::path, Problem::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("optimize.objective", 15),
                        org.assertj.core.groups.Tuple.tuple("optimize.accelerators[0].name", 17),
                        org.assertj.core.groups.Tuple.tuple("optimize.capacitySteps[0].site", 19),
                        org.assertj.core.groups.Tuple.tuple("optimize.capacitySteps[0].power", 19),
                        org.assertj.core.groups.Tuple.tuple("optimize.deadlines.pretrian", 20),
                        org.assertj.core.groups.Tuple.tuple("optimize.budgets.2030", 21));
        assertThat(problems.get(0).message())
                .isEqualTo("must be one of tco, capex, npv, got \"npv-ish\"; did you mean 'npv'?");
        assertThat(problems.get(1).message()).startsWith("unknown accelerator 'GB-200'; did you mean 'GB200'?");
        assertThat(problems.get(2).message()).isEqualTo("unknown site 'c'; did you mean 'a'? (sites: a, b)");
        assertThat(problems.get(3).message()).startsWith("needs a unit");
        assertThat(problems.get(4).message())
                .isEqualTo("unknown training job 'pretrian'; did you mean 'pretrain'? (jobs: pretrain)");
        assertThat(problems.get(5).message()).isEqualTo("year 2030 is outside the horizon (2026 to 2027)");
    }

    @Test
    void parse_noCandidates_isRejected() {
        assertThat(problems(BASE + "optimize:\n  objective: tco\n"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("optimize.accelerators");
                    assertThat(p.message())
                            .isEqualTo("at least one candidate accelerator is required, such as {name: GB200}");
                });
    }
}
