package dev.gigawatt.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The power models against the published power rows (calibration/power.csv). */
class PowerCalibrationTest {
    static PowerCalibration calibration;
    static List<PowerPrediction> fit;
    static List<PowerPrediction> leaveOneOut;

    @BeforeAll
    static void predict() {
        calibration = new PowerCalibration(PowerCases.builtIn(Catalog.builtIn()), Assumptions.builtIn());
        fit = calibration.predict();
        leaveOneOut = calibration.leaveOneOut();
    }

    @Test
    void fit_everyCaseIsPredicted() {
        assertThat(fit).allSatisfy(p -> assertThat(p.predicted()).isFinite());
    }

    @Test
    void fit_medianWithin10PercentAndMaxWithin25() {
        ErrorSummary s = ErrorSummary.ofErrors(PowerCalibrationTable.errors(fit));
        assertThat(s.medianAbsoluteError()).isLessThanOrEqualTo(0.10);
        assertThat(s.maxAbsoluteError()).isLessThanOrEqualTo(0.25);
    }

    @Test
    void leaveOneOut_medianWithin15Percent() {
        ErrorSummary s = ErrorSummary.ofErrors(PowerCalibrationTable.errors(leaveOneOut));
        assertThat(s.medianAbsoluteError()).isLessThanOrEqualTo(0.15);
    }

    @Test
    void catalogFigures_areTheFitOnEveryCase() {
        PowerFigures refit = calibration.fit(calibration.cases().cases());
        PowerFigures catalog = calibration.catalogFigures();
        assertThat(refit.serving().compute())
                .isCloseTo(catalog.serving().compute(), org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(refit.serving().memory())
                .isCloseTo(catalog.serving().memory(), org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void cases_coverEveryRowOnceExpressedOrNot() {
        var expressed = calibration.cases().cases().stream()
                .map(PowerCase::id)
                .distinct()
                .toList();
        assertThat(expressed)
                .doesNotContainAnyElementsOf(calibration.cases().notExpressed().keySet());
        assertThat(expressed.size() + calibration.cases().notExpressed().size())
                .isEqualTo(calibration.cases().rows().size());
    }
}
