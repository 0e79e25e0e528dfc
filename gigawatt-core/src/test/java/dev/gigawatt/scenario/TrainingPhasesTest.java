package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.input.InputException;
import dev.gigawatt.model.Recompute;
import org.junit.jupiter.api.Test;

/** Training jobs with phases, parallelism and a network. */
class TrainingPhasesTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final String HEAD = """
            name: t
            horizon: {start: 2025-01-01, end: 2026-01-01}
            sites:
              - {name: a, grid: US-OH, capacity: "100 MW"}
            training:
              - name: j
                model: llama-3.1-405b
                accelerators: 16384
                accelerator: H100-SXM
            """;

    private static Scenario parse(String yaml) {
        return ScenarioReader.parse(yaml, "s.yaml", CATALOG);
    }

    @Test
    void parse_phasesWithoutTokens_sumTheirTokensAndInheritTheJob() {
        TrainingJob job = parse(HEAD + """
                    network: llama3-roce-h100
                    parallelism: {tensor: 8, pipeline: 16, recompute: selective}
                    phases:
                      - {name: short, tokens: "14.8T", globalBatch: 2048}
                      - {name: long, tokens: "0.8T", sequenceLength: 131072, accelerators: 8192, precision: fp8}
                """).training().get(0);
        assertThat(job.tokens()).isEqualTo(15.6e12);
        assertThat(job.network()).isEqualTo("llama3-roce-h100");
        assertThat(job.stages()).hasSize(2);
        assertThat(job.stages().get(0).sequenceLength()).isEqualTo(8192);
        assertThat(job.stages().get(0).layout().tensor()).isEqualTo(8);
        assertThat(job.stages().get(0).layout().recompute()).isEqualTo(Recompute.SELECTIVE);
        assertThat(job.stages().get(1).gpus()).isEqualTo(8192);
        assertThat(job.stages().get(1).precision()).isEqualTo(Precision.FP8);
        assertThat(job.stages().get(1).globalBatch()).isZero();
    }

    @Test
    void parse_jobWithoutPhases_isItsOwnOnlyStage() {
        TrainingJob job = parse(HEAD + "    tokens: \"1T\"\n").training().get(0);
        assertThat(job.stages()).singleElement().satisfies(p -> {
            assertThat(p.tokens()).isEqualTo(1e12);
            assertThat(p.gpus()).isEqualTo(16384);
        });
    }

    @Test
    void parse_tokensDifferentFromThePhases_isAProblem() {
        assertThatThrownBy(() -> parse(HEAD + """
                    tokens: "2T"
                    phases:
                      - {tokens: "1T"}
                """))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                                .contains("training[0].tokens")
                                .contains("must equal the sum of the phases' tokens")));
    }

    @Test
    void parse_phaseWithMoreAcceleratorsThanItsJob_isAProblem() {
        assertThatThrownBy(() -> parse(HEAD + """
                    phases:
                      - {tokens: "1T", accelerators: 32768}
                """))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                                .contains("training[0].phases[0].accelerators")
                                .contains("may not use more accelerators than its job (16384)")));
    }

    @Test
    void parse_unknownRecompute_isAProblemWithTheChoices() {
        assertThatThrownBy(() -> parse(HEAD + """
                    tokens: "1T"
                    parallelism: {recompute: some}
                """))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                                .contains("training[0].parallelism.recompute")
                                .contains("none, selective, full")));
    }

    @Test
    void plan_siteNetwork_isUsedUnlessTheJobNamesItsOwn() {
        String yaml = """
                name: t
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US-OH, capacity: "100 MW", network: llama3-roce-h100}
                training:
                  - {name: j, model: llama-3.1-70b, tokens: "1T", accelerators: 16384, accelerator: H100-SXM}
                  - {name: k, model: llama-3.1-70b, tokens: "1T", accelerators: 16384, accelerator: H100-SXM, network: hgx-h100-ib}
                """;
        Scenario s = parse(yaml);
        assertThat(s.sites().get(0).network()).isEqualTo("llama3-roce-h100");
        var plans = new dev.gigawatt.plan.Planner(dev.gigawatt.catalog.Assumptions.builtIn())
                .plan(s)
                .training();
        // The 1:7 oversubscribed fabric above 3,072-GPU pods is never faster than the non-blocking one.
        assertThat(plans.get(0).throughput().tokensPerSecondPerAccelerator())
                .isLessThanOrEqualTo(plans.get(1).throughput().tokensPerSecondPerAccelerator());
    }

    @Test
    void parse_fixedLayoutThatDoesNotDivideTheAccelerators_isBadInputWithThePath() {
        assertThatThrownBy(() -> parse(HEAD + """
                    tokens: "1T"
                    parallelism: {tensor: 8, pipeline: 16, context: 3}
                """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("training[0].parallelism")
                .hasMessageContaining("(8 × 16 × 3 = 384) must divide the 16384 accelerators");
    }

    @Test
    void parse_phaseBatchThatDoesNotSplitOverTheDataParallelRanks_isBadInput() {
        // 16,384 / (8 × 16) = 128 data-parallel ranks × micro-batch 2 = 256 sequences a step.
        assertThatThrownBy(() -> parse(HEAD + """
                    parallelism: {tensor: 8, pipeline: 16, context: 1, microBatch: 2}
                    phases:
                      - {name: p, tokens: "1T", globalBatch: 1000}
                """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("training[0].phases[0]")
                .hasMessageContaining("a global batch of 1000 sequences does not split over 128 data-parallel ranks");
    }
}
