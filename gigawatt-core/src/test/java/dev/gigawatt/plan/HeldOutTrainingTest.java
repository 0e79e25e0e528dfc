package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step-time model against published training figures that are not in the calibration set, so
 * nothing was fitted to them. Precision and network are assumptions (FP8 on the default H100 fabric).
 */
class HeldOutTrainingTest {
    static List<TrainingPlan> plan() {
        String yaml = """
                name: held-out
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US, capacity: "500 MW"}
                training:
                  - {name: scout, model: llama-4-scout, tokens: "40T", accelerators: 16384, accelerator: H100-SXM, precision: fp8}
                  - {name: maverick, model: llama-4-maverick, tokens: "22T", accelerators: 16384, accelerator: H100-SXM, precision: fp8}
                  - {name: behemoth, model: llama-4-behemoth, tokens: "30T", accelerators: 32768, accelerator: H100-SXM, precision: fp8}
                """;
        var scenario = ScenarioReader.parse(yaml, "held-out.yaml", Catalog.builtIn());
        return new Planner(Assumptions.builtIn()).plan(scenario).training();
    }

    @Test
    void llama4_modelCardGpuHours_withinFifteenPercent() {
        // Llama 4 model card (meta-llama/llama-models, models/llama4/MODEL_CARD.md, April 2025):
        // Scout 5.0M and Maverick 2.38M H100 GPU-hours for ~40T and ~22T tokens.
        List<TrainingPlan> plans = plan();
        assertThat(plans.get(0).gpuHours() / 5.0e6).isBetween(0.85, 1.15);
        assertThat(plans.get(1).gpuHours() / 2.38e6).isBetween(0.85, 1.15);
    }

    @Test
    void llama4Behemoth_fp8_reachesAboutAFifthOfTheFp8Peak() {
        // Meta, The Llama 4 herd (blog, April 2025): Behemoth pre-training in FP8 on 32K GPUs at
        // 390 TFLOPs/GPU, i.e. 19.7% of the H100's 1,979 TFLOPS FP8 dense peak.
        double mfu = plan().get(2).mfu();
        assertThat(mfu * 1979e12 / 390e12).isBetween(0.75, 1.25);
    }
}
