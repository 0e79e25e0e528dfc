package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.model.InferenceModel;
import dev.gigawatt.model.ReplicaPerformance;
import dev.gigawatt.model.ServerPerformance;
import dev.gigawatt.model.ServingEfficiency;
import dev.gigawatt.model.ServingSetup;
import dev.gigawatt.model.TrainingModel;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.units.Units;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The planner against published figures; docs/models.md discusses each gap. */
class PublishedFiguresTest {
    static final Catalog CATALOG = Catalog.builtIn();
    static final Path EXAMPLES = Path.of("..", "examples");

    static TrainingPlan llama405b() {
        Scenario s = ScenarioReader.read(EXAMPLES.resolve("llama3-405b.yaml"), "llama3-405b.yaml", CATALOG);
        return new Planner(Assumptions.builtIn()).plan(s).training().get(0);
    }

    @Test
    void h100Catalog_matchesNvidiaDatasheet() {
        // NVIDIA H100 datasheet (SXM): 989 TFLOPS dense BF16, 1,979 FP8, 80 GB HBM3 at 3.35 TB/s, 700 W.
        Accelerator h100 = CATALOG.accelerators().find("H100-SXM").orElseThrow();
        assertThat(h100.peakFlops(Precision.BF16)).isCloseTo(989e12, within(1e12));
        assertThat(h100.peakFlops(Precision.FP8)).isCloseTo(1979e12, within(1e12));
        assertThat(h100.memoryBytes()).isEqualTo(80e9);
        assertThat(h100.memoryBandwidthBytesPerSecond()).isEqualTo(3.35e12);
        assertThat(h100.tdpWatts()).isEqualTo(700);
    }

    @Test
    void llama3_405b_denseFlops_matchPaper() {
        // Llama 3 paper Section 3.1: 3.8e25 FLOPs for 405B parameters on 15.6T tokens.
        ModelSpec m = CATALOG.models().find("llama-3.1-405b").orElseThrow();
        assertThat(TrainingModel.denseFlops(m.parameters(), 15.6e12)).isCloseTo(3.8e25, within(0.02 * 3.8e25));
    }

    @Test
    void llama3_405b_gpuHours_withinTenPercentOfModelCard() {
        // Llama 3.1 model card: 30.84M H100 GPU-hours for 405B (all phases). gigawatt: 32.0M (+4%) from the step-time
        // model for the two phases of the example, see docs/models.md.
        assertThat(llama405b().gpuHours()).isCloseTo(30.84e6, within(0.10 * 30.84e6));
    }

    @Test
    void llama3_405b_ettr_aboveNinetyPercent() {
        // Llama 3 paper Section 3.3.4: "higher than 90% effective training time" at 16K GPUs.
        assertThat(llama405b().ettr()).isBetween(0.90, 0.97);
    }

    @Test
    void llama3_interruptions_reproduceTable5() {
        // Table 5: 419 unexpected interruptions in 54 days on 16,384 GPUs: the default rate must give that back.
        double rate = CATALOG.reliability().failuresPerAcceleratorHour();
        assertThat(CATALOG.reliability().totalInterruptions()).isEqualTo(419);
        assertThat(rate * 16384 * 54 * 24).isCloseTo(419, within(1e-6));
    }

    @Test
    void llama31_carbon_modelCardAccounting() {
        // Model card: 30.84M GPU-hours at 700 W "adjusted for PUE" → 8,930 tCO2e location-based.
        // 30.84e6 h × 700 W = 21,588 MWh; the card's figure implies 413.7 gCO2e per GPU-kWh (PUE × intensity).
        double energyWh = 30.84e6 * 700;
        double implied = 8930e3 / (energyWh / 1e3) * 1e3;
        assertThat(implied).isCloseTo(413.7, within(0.1));
        assertThat(Units.tonnes(Units.co2eKg(energyWh, implied))).isCloseTo(8930, within(0.5));
        // gigawatt counts the host's power too, so its energy is above the card's GPU-only figure.
        assertThat(llama405b().energyMwh()).isGreaterThan(21_588 * 1.1);
    }

    @Test
    void mlperf_llama2_70b_offline_bracketsMeasuredThroughput() {
        // MLPerf Inference v4.1, Llama-2-70B, 8×H100-SXM FP8 (TensorRT-LLM): 24,525 tokens/s offline.
        // Mean output 294 tokens (MLCommons reference); the mean input is not in our sources, only its cap
        // of 1,024 tokens, so the prediction across 128..1,024 input tokens must bracket the measurement.
        Accelerator h100 = CATALOG.accelerators().find("H100-SXM").orElseThrow();
        ModelSpec llama = CATALOG.models().find("llama-2-70b").orElseThrow();
        ServingEfficiency eff = ServingEfficiency.of(Assumptions.builtIn(), CATALOG, h100, null);
        double shortInput = 8
                / 2.0
                * InferenceModel.offline(ServingSetup.of(h100, llama, Precision.FP8, 2, 1, 0, 128, 294, eff))
                        .tokensPerSecond();
        double longInput = 8
                / 2.0
                * InferenceModel.offline(ServingSetup.of(h100, llama, Precision.FP8, 2, 1, 0, 1024, 294, eff))
                        .tokensPerSecond();
        assertThat(longInput).isLessThan(24_525);
        assertThat(shortInput).isGreaterThan(24_525);
    }

    @Test
    void mlperf_llama2_70b_server_meetsSlosAtHighThroughput() {
        // Server scenario: 21,606 tokens/s with TTFT ≤ 2 s and TPOT ≤ 200 ms (p99). The model meets the
        // SLOs with batches in the hundreds per TP2 replica, and the SLOs cost little throughput.
        Accelerator h100 = CATALOG.accelerators().find("H100-SXM").orElseThrow();
        ModelSpec llama = CATALOG.models().find("llama-2-70b").orElseThrow();
        ServingEfficiency eff = ServingEfficiency.of(Assumptions.builtIn(), CATALOG, h100, null);
        ReplicaPerformance server =
                InferenceModel.replica(ServingSetup.of(h100, llama, Precision.FP8, 2, 1, 0, 600, 294, eff), 2, 0.2);
        ReplicaPerformance offline =
                InferenceModel.offline(ServingSetup.of(h100, llama, Precision.FP8, 2, 1, 0, 600, 294, eff));
        assertThat(server.feasible()).isTrue();
        assertThat(server.batch()).isGreaterThan(100);
        assertThat(server.tokensPerSecond() / offline.tokensPerSecond()).isBetween(0.85, 1.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 400, 600, 800, 1024})
    void mlperf_llama2_70b_serverOverOffline_belowOneAndWithinTenPercentOfPublished(int inputTokens) {
        // MLPerf Inference v4.0 closed, DGX H100 (SRV-MLPI-01, -02 of calibration/serving.csv; not verified
        // by MLCommons): Server 20,556.4 / Offline 21,805.8 tokens/s = 0.943, Poisson arrivals at p99 TTFT ≤ 2 s
        // and TPOT ≤ 200 ms. 294 output tokens per sample (the reference's 294.45 tokens per sample); the
        // dataset's mean input length is not in gigawatt's sources, so every plausible length up to its
        // 1,024-token cap must give the ratio.
        Accelerator h100 = CATALOG.accelerators().find("H100-SXM").orElseThrow();
        ModelSpec llama = CATALOG.models().find("llama-2-70b").orElseThrow();
        ServingEfficiency eff = ServingEfficiency.of(Assumptions.builtIn(), CATALOG, h100, null);
        ServerPerformance server = InferenceModel.server(
                ServingSetup.of(h100, llama, Precision.FP8, 2, 1, 0, inputTokens, 294, eff), 2, 0.2, 0.99);
        ReplicaPerformance offline =
                InferenceModel.offline(ServingSetup.of(h100, llama, Precision.FP8, 2, 1, 0, inputTokens, 294, eff));
        double ratio = server.outputTokensPerSecond() / offline.tokensPerSecond();
        assertThat(ratio).isLessThan(1.0);
        assertThat(ratio / (20_556.4 / 21_805.8) - 1).isBetween(-0.10, 0.10);
    }
}
