package dev.gigawatt.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The serving replica model against the published serving figures of {@code calibration/serving.csv}:
 * the catalog's fitted figures, the leave-one-out errors, and the rows the model cannot express.
 */
class ServingCalibrationTest {
    static ServingCalibration calibration;
    static List<ServingPrediction> fit;
    static List<ServingPrediction> leaveOneOut;

    @BeforeAll
    static void predict() {
        calibration = new ServingCalibration(ServingCases.builtIn(Catalog.builtIn()), Assumptions.builtIn());
        fit = calibration.predict();
        leaveOneOut = calibration.leaveOneOut();
    }

    @Test
    void cases_everyPublishedRow_isExpressedOrExplained() {
        Set<String> covered = new HashSet<>(calibration.cases().notExpressed().keySet());
        calibration.cases().cases().forEach(c -> covered.add(c.id()));
        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(calibration.cases().rows().keySet());
        assertThat(calibration.cases().notExpressed().values())
                .allSatisfy(why -> assertThat(why).isNotBlank());
    }

    @Test
    void predict_catalogFigures_medianWithinTenPercentAndMaxWithinTwentyFive() {
        ErrorSummary s = ErrorSummary.ofErrors(ServingCalibrationTable.errors(fit));
        assertThat(s.count()).isGreaterThanOrEqualTo(13);
        assertThat(s.medianAbsoluteError()).isLessThanOrEqualTo(0.10);
        assertThat(s.maxAbsoluteError()).isLessThanOrEqualTo(0.25);
    }

    @Test
    void leaveOneOut_medianWithinTenPercentAndMaxWithinThirtyFive() {
        // The worst held-out row is SRV-SGLANG-03 (GB200 FP8 decode at a batch the blog does not state, the
        // only FP8 row of its family): +30% when fitted without it.
        ErrorSummary s = ErrorSummary.ofErrors(ServingCalibrationTable.errors(leaveOneOut));
        assertThat(s.medianAbsoluteError()).isLessThanOrEqualTo(0.10);
        assertThat(s.maxAbsoluteError()).isLessThanOrEqualTo(0.35);
    }

    @Test
    void predict_expertParallelLatentAttentionDecode_comesWithinTwentyFivePercent() {
        // DeepSeek-V3/R1 disaggregated decode from SGLang: EP72 over InfiniBand on H100 and EP48 on GB200
        // NVL72, so the all-to-all over each tier, MLA's cache and absorbed attention and redundant expert
        // slots all enter.
        assertThat(fit.stream().filter(p -> p.servingCase().id().startsWith("SRV-SGLANG-")))
                .hasSize(3)
                .allSatisfy(p -> assertThat(Math.abs(p.error())).isLessThanOrEqualTo(0.25));
    }

    @Test
    void fit_allRows_reproducesTheCatalogFigures() {
        // The catalog's serving.yaml figures are this fit, rounded.
        ServingFigures refit = calibration.fit(calibration.cases().cases());
        ServingFigures catalog = calibration.catalogFigures();
        refit.gemm()
                .forEach((family, gemm) ->
                        assertThat(gemm).as(family).isCloseTo(catalog.gemm().get(family), within(0.005)));
        assertThat(refit.memory()).isCloseTo(catalog.memory(), within(0.005));
        assertThat(refit.gemmHalfTokens()).isCloseTo(catalog.gemmHalfTokens(), within(2.0));
    }

    @Test
    void predict_covers_atLeastTwoAcceleratorGenerations() {
        Set<String> families = new HashSet<>();
        fit.forEach(p -> families.add(Catalog.builtIn()
                .servingFamily(p.servingCase().accelerator())
                .orElseThrow()
                .name()));
        assertThat(families).contains("nvidia-hopper", "nvidia-blackwell");
    }
}
