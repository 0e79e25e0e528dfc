package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.NetworkSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.Provenance;
import dev.gigawatt.catalog.TrainingEfficiency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepTimeModelTest {
    static final Catalog CATALOG = Catalog.builtIn();
    static final StepConstants CONSTANTS = StepConstants.from(Assumptions.builtIn());

    static TrainingSetup setup(String model, String accelerator, Precision precision, int sequence, long batch) {
        var acc = CATALOG.accelerators().find(accelerator).orElseThrow();
        var eff = CATALOG.trainingEfficiency(acc).orElseThrow();
        NetworkSpec net = CATALOG.networks().find(eff.network()).orElseThrow();
        return new TrainingSetup(
                CATALOG.models().find(model).orElseThrow(), acc, precision, eff, net, sequence, batch, CONSTANTS);
    }

    static TrainingLayout layout(int tp, int pp, int dp) {
        return new TrainingLayout(tp, pp, dp, 1, 1, 1, 1, Recompute.NONE, 0, Sharding.OPTIMIZER);
    }

    @Test
    void gather_oneDomainThenAcross_handComputed() {
        // 8 per NVLink domain at 100 GB/s, 10 GB/s out, no latency, perfect efficiency.
        NetworkSpec net = new NetworkSpec(
                "n", List.of(), "up", 8, 100e9, 0, "out", 10e9, 0, 1_000_000, 1, new Provenance("test", Map.of()));
        Links links = new Links(net, 1.0);
        // 16 members, stride 1: 8 per domain, 2 domains. Inside: 7/8 × 8 GB / 100 GB/s = 0.07 s;
        // across: 1/2 × 8 GB / 8 / 10 GB/s = 0.05 s.
        assertThat(links.gather(8e9, 16, 1)).isCloseTo(0.12, within(1e-12));
        // Stride 8 (one member per domain): only the 1/2 × 8 GB across at 10 GB/s = 0.4 s.
        assertThat(links.gather(8e9, 2, 8)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void step_tokensPerSecond_matchBatchOverStepTime() {
        TrainingSetup s = setup("llama-3.1-70b", "H100-SXM", Precision.BF16, 8192, 512);
        StepTime t = StepTimeModel.step(s, layout(8, 4, 16));
        assertThat(t.tokensPerSecondPerAccelerator()).isCloseTo(512.0 * 8192 / t.stepSeconds() / 512, within(1e-9));
        assertThat(t.computeSeconds() + t.communicationSeconds() + t.bubbleSeconds())
                .isCloseTo(t.stepSeconds(), within(1e-9 * t.stepSeconds()));
        assertThat(t.mfu()).isBetween(0.2, 0.6);
        assertThat(t.hfu()).isGreaterThanOrEqualTo(t.mfu());
    }

    @Test
    void step_fp8_isFasterThanBf16_butReachesALowerShareOfItsPeak() {
        TrainingSetup bf16 = setup("llama-3.1-70b", "H100-SXM", Precision.BF16, 8192, 512);
        TrainingSetup fp8 = setup("llama-3.1-70b", "H100-SXM", Precision.FP8, 8192, 512);
        StepTime a = LayoutSearch.best(bf16, 512, LayoutConstraints.NONE);
        StepTime b = LayoutSearch.best(fp8, 512, LayoutConstraints.NONE);
        assertThat(b.tokensPerSecondPerAccelerator()).isGreaterThan(a.tokensPerSecondPerAccelerator());
        assertThat(b.tokensPerSecondPerAccelerator()).isLessThan(2 * a.tokensPerSecondPerAccelerator());
        assertThat(b.mfu()).isLessThan(a.mfu());
    }

    @Test
    void step_smallModel_reachesLowerMfuThanLargeModel() {
        StepTime small = LayoutSearch.best(
                setup("llama-3.1-8b", "H100-SXM", Precision.BF16, 8192, 1024), 1024, LayoutConstraints.NONE);
        StepTime large = LayoutSearch.best(
                setup("llama-3.1-405b", "H100-SXM", Precision.BF16, 8192, 1024), 1024, LayoutConstraints.NONE);
        assertThat(small.mfu()).isLessThan(large.mfu());
    }

    @Test
    void step_moe_reachesLowerMfuThanDenseOfTheSameActiveSize() {
        ModelSpec moe = TestModels.MOE;
        ModelSpec dense = TestModels.denseLike(moe);
        TrainingSetup base = setup("llama-3.1-8b", "H100-SXM", Precision.BF16, 4096, 1024);
        TrainingSetup m = new TrainingSetup(
                moe, base.accelerator(), Precision.BF16, base.efficiency(), base.network(), 4096, 1024, CONSTANTS);
        TrainingSetup d = new TrainingSetup(
                dense, base.accelerator(), Precision.BF16, base.efficiency(), base.network(), 4096, 1024, CONSTANTS);
        StepTime a = LayoutSearch.best(m, 256, LayoutConstraints.NONE);
        StepTime b = LayoutSearch.best(d, 256, LayoutConstraints.NONE);
        assertThat(a.mfu()).isLessThan(b.mfu());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void step_moreReplicasAtFixedBatchAndLayout_neverLowerGpuHours(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] models = {"llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b"};
        String model = models[r.nextInt(models.length)];
        int tp = 1 << r.nextInt(4);
        int pp = 1 << r.nextInt(4);
        long batch = 4096;
        TrainingSetup s = setup(model, "H100-SXM", Precision.BF16, 4096, batch);
        double tokens = 1e12;
        double previous = 0;
        for (int dp = 1; dp <= 256; dp *= 2) {
            StepTime t = StepTimeModel.step(s, layout(tp, pp, dp));
            double gpuHours = tokens / t.tokensPerSecondPerAccelerator() / 3600;
            assertThat(gpuHours).as("dp " + dp).isGreaterThanOrEqualTo(previous * (1 - 1e-9));
            previous = gpuHours;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void search_neverChoosesALayoutThatDoesNotFit_whenOneFits(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] models = {"llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b"};
        String model = models[r.nextInt(models.length)];
        long gpus = 64L << r.nextInt(5);
        TrainingSetup s = setup(model, "H100-SXM", Precision.BF16, 8192, gpus * 2);
        StepTime best = LayoutSearch.best(s, gpus, LayoutConstraints.NONE);
        boolean anyFits = LayoutSearch.candidates(s, gpus, LayoutConstraints.NONE, false).stream()
                .anyMatch(l -> StepTimeModel.step(s, l.with(Recompute.FULL, 1)).fits());
        if (anyFits) {
            assertThat(best.fits()).isTrue();
        }
        for (TrainingLayout l : LayoutSearch.candidates(s, gpus, LayoutConstraints.NONE, false)) {
            StepTime t = StepTimeModel.step(s, l);
            if (t.fits()) {
                assertThat(best.stepSeconds()).isLessThanOrEqualTo(t.stepSeconds() * (1 + 1e-9));
            }
        }
    }

    @Test
    void search_keepsTheFixedParts() {
        TrainingSetup s = setup("llama-3.1-70b", "H100-SXM", Precision.BF16, 8192, 512);
        StepTime t = LayoutSearch.best(s, 256, new LayoutConstraints(4, 8, 0, 0, 0, 1, null, null));
        assertThat(t.layout().tensor()).isEqualTo(4);
        assertThat(t.layout().pipeline()).isEqualTo(8);
        assertThat(t.layout().microBatch()).isEqualTo(1);
        assertThat(t.layout().accelerators()).isEqualTo(256);
    }

    @Test
    void efficiency_withoutAnFp8Figure_usesTheSixteenBitOne() {
        TrainingEfficiency e =
                CATALOG.trainingEfficiency().find("nvidia-ampere").orElseThrow();
        assertThat(e.gemm(Precision.FP8)).isEqualTo(e.gemm(Precision.BF16));
    }
}
