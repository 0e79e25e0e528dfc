package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.model.InferenceModel;
import dev.gigawatt.model.Parallelism;
import dev.gigawatt.model.ServingEfficiency;
import dev.gigawatt.model.ServingSetup;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** A mixture-of-experts service with a fixed expert-parallel layout: read, validated and planned. */
class ExpertParallelServiceTest {
    private static Scenario scenario(String model, String accelerator, String parallelism) {
        return ScenarioReader.parse("""
                name: ep
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US-TX, capacity: "500 MW", pue: 1.2}
                inference:
                  - name: r1
                    model: %s
                    users: 10M
                    requestsPerUserPerDay: 10
                    inputTokens: 2000
                    outputTokens: 1000
                    slo: {ttft: "2 s", tpot: "100 ms"}
                    accelerator: %s
                    parallelism: %s
                """.formatted(model, accelerator, parallelism), "ep.yaml", Catalog.builtIn());
    }

    private static InferencePlan plan(String accelerator, String parallelism) {
        Scenario s = scenario("deepseek-r1", accelerator, parallelism);
        return new Planner(Assumptions.builtIn()).plan(s).inference().get(0);
    }

    @Test
    void parse_expertAlone_isAnExpertParallelLayout() {
        assertThat(scenario("deepseek-r1", "GB200", "{expert: 48}")
                        .inference()
                        .get(0)
                        .parallelism())
                .isEqualTo(new Parallelism(1, 1, 48));
        assertThat(scenario("deepseek-r1", "GB200", "{ep: 72}")
                        .inference()
                        .get(0)
                        .parallelism())
                .hasToString("EP72");
    }

    @Test
    void parse_expertWithTensorOrOnADenseModel_isRefusedWithThePath() {
        assertThatThrownBy(() -> scenario("deepseek-r1", "GB200", "{expert: 8, tp: 2}"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path)
                        .containsExactly("inference[0].parallelism"));
        assertThatThrownBy(() -> scenario("llama-3.1-70b", "GB200", "{expert: 8}"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("has no routed experts")));
    }

    @Test
    void plan_expertParallel_sizesWholeReplicasWithinTheObjectives() {
        InferencePlan p = plan("GB200", "{expert: 48}");

        assertThat(p.feasible()).isTrue();
        assertThat(p.parallelism()).isEqualTo("EP48");
        assertThat(p.acceleratorsPerReplica()).isEqualTo(48);
        assertThat(p.accelerators()).isEqualTo(48 * p.replicas());
        assertThat(p.ttftSeconds()).isLessThanOrEqualTo(2);
        assertThat(p.tpotSeconds()).isLessThanOrEqualTo(0.1);
        assertThat(p.replicas() * p.tokensPerSecondPerReplica()).isGreaterThanOrEqualTo(p.peakTokensPerSecond());
    }

    @Test
    void plan_dataParallelAttention_prefillsOnEveryAccelerator() {
        // One prompt's prefill takes p on a rank; a replica prefilling one prompt at a time could take at
        // most 1/p requests/s. With 48 ranks prefilling side by side it serves more than that.
        Catalog catalog = Catalog.builtIn();
        Accelerator gb200 = catalog.accelerators().find("GB200").orElseThrow();
        ModelSpec deepseek = catalog.models().find("deepseek-r1").orElseThrow();
        ServingEfficiency eff = ServingEfficiency.of(Assumptions.builtIn(), catalog, gb200, null);
        double prefillSeconds = InferenceModel.atBatch(
                        ServingSetup.of(gb200, deepseek, Precision.FP8, 1, 1, 48, 2000, 1000, eff), 1)
                .prefillSeconds();
        double requestsPerSecond = plan("GB200", "{expert: 48}").tokensPerSecondPerReplica() / 1000;

        assertThat(requestsPerSecond * prefillSeconds).isGreaterThan(1).isLessThan(48);
    }
}
