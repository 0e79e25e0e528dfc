package dev.gigawatt.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.TrainingEfficiency;
import dev.gigawatt.model.StepConstants;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The step-time model against the published training runs of {@code calibration/training.csv}: the
 * catalog's fitted figures, the leave-one-out errors, and the rows the model cannot express.
 */
class TrainingCalibrationTest {
    /*
     * Counted rows the model misses by more than the 25 %, each for a reason the model does not
     * capture; they stay in every median and in the published maximum.
     *  - TRN-MBRIDGE-2511-04: GPT-OSS 120B in BF16 on GB200 is predicted ~28 % fast, and its MXFP8
     *    figure (TRN-MBRIDGE-09) ~20 % fast: something in that model's recipe (attention sinks, 64-wide
     *    heads, a 201K vocabulary on a 2,880-wide model) costs more than the model counts.
     */
    private static final Set<String> KNOWN_MISSES = Set.of("TRN-MBRIDGE-2511-04");

    static TrainingCalibration calibration;
    static List<Prediction> fit;

    @BeforeAll
    static void predict() {
        calibration = new TrainingCalibration(
                TrainingCases.builtIn(Catalog.builtIn()), StepConstants.from(Assumptions.builtIn()));
        fit = calibration.predict();
    }

    @Test
    void cases_everyPublishedRow_isExpressedOrExplained() {
        Set<String> covered = new HashSet<>(calibration.cases().notExpressed().keySet());
        calibration.cases().cases().forEach(c -> covered.add(c.from()));
        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(calibration.cases().rows().keySet());
        assertThat(calibration.cases().notExpressed().values())
                .allSatisfy(why -> assertThat(why).isNotBlank());
    }

    @Test
    void cases_atLeastFortyRows_areExpressed() {
        assertThat(fit).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void predict_withCatalogFigures_medianWithinTenPercent() {
        assertThat(ErrorSummary.of(fit).medianAbsoluteError()).isLessThanOrEqualTo(0.10);
    }

    @Test
    void predict_withCatalogFigures_everyRowButTheKnownMissesWithinTwentyFivePercent() {
        Map<String, Double> misses = fit.stream()
                .filter(p -> p.trainingCase().counted())
                .filter(p -> Math.abs(p.error()) > 0.25)
                .collect(Collectors.toMap(p -> p.trainingCase().id(), Prediction::error));
        assertThat(misses.keySet()).isSubsetOf(KNOWN_MISSES);
        assertThat(ErrorSummary.of(fit).maxAbsoluteError()).isLessThan(0.30);
    }

    @Test
    void superseded_rows_areShownButNeitherFittedNorCounted_andNameTheirEvidence() {
        Map<String, String> superseded = calibration.cases().superseded();
        assertThat(superseded).containsOnlyKeys("TRN-DGXC-02", "TRN-DGXC-02/gb200");
        Set<String> counted =
                calibration.cases().counted().stream().map(TrainingCase::id).collect(Collectors.toSet());
        superseded.forEach((id, why) -> {
            assertThat(counted).doesNotContain(id);
            // The evidence is a counted row of a later release on the same hardware.
            assertThat(counted.stream().filter(why::contains)).as(id).isNotEmpty();
        });
        assertThat(ErrorSummary.of(fit).count()).isEqualTo(fit.size() - superseded.size());
        assertThat(fit.stream().map(p -> p.trainingCase().id())).containsAll(superseded.keySet());
    }

    @Test
    void fit_fromTheCatalog_predictsAsTheCatalogFigures() {
        // The ceilings and the half dimension trade off along a shallow ridge, so a refit is compared by
        // what it predicts, not figure by figure.
        Map<String, TrainingEfficiency> refit =
                calibration.fit(calibration.cases().counted());
        List<Prediction> again = calibration.predict(refit);
        for (int i = 0; i < fit.size(); i++) {
            assertThat(again.get(i).predicted() / fit.get(i).predicted())
                    .as(fit.get(i).trainingCase().id())
                    .isCloseTo(1, within(0.05));
        }
        for (String family : List.of("nvidia-ampere", "nvidia-hopper", "nvidia-blackwell")) {
            assertThat(refit.get(family).gemm(Precision.BF16)).as(family).isBetween(0.3, 0.99);
        }
    }

    @Test
    void leaveOneOut_generalises_medianWithinFifteenPercent() {
        List<Prediction> loo = calibration.leaveOneOut();
        ErrorSummary summary = ErrorSummary.of(loo);
        assertThat(summary.count()).isEqualTo(calibration.cases().counted().size());
        assertThat(summary.medianAbsoluteError()).isLessThanOrEqualTo(0.15);
        assertThat(summary.medianAbsoluteError())
                .isGreaterThanOrEqualTo(ErrorSummary.of(fit).medianAbsoluteError() - 0.005);
    }

    @Test
    void llama3_405b_tableFour_withinTenPercent() {
        // Dubey et al., The Llama 3 Herd of Models (2024), Table 4: 430 TFLOP/s/GPU on 8,192 H100s,
        // 400 on 16,384, 380 on 16,384 at 131,072 tokens with CP16.
        for (String id : List.of("TRN-LLAMA3-01", "TRN-LLAMA3-01/16k", "TRN-LLAMA3-02")) {
            Prediction p = fit.stream()
                    .filter(x -> x.trainingCase().id().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertThat(Math.abs(p.error())).as(id).isLessThanOrEqualTo(0.10);
        }
    }
}
