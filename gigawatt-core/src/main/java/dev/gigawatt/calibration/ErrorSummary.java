package dev.gigawatt.calibration;

import java.util.Arrays;
import java.util.List;

/**
 * Median and largest absolute relative error over a set of predictions.
 *
 * @param count predictions summarised
 * @param medianAbsoluteError median of |predicted / published − 1|
 * @param maxAbsoluteError largest |predicted / published − 1|
 */
public record ErrorSummary(int count, double medianAbsoluteError, double maxAbsoluteError) {

    /** The summary of {@code predictions} of counted cases (superseded rows are shown, not counted). */
    public static ErrorSummary of(List<Prediction> predictions) {
        return ofErrors(predictions.stream()
                .filter(p -> p.trainingCase().counted())
                .mapToDouble(Prediction::error)
                .toArray());
    }

    /** The summary of relative errors (predicted / published − 1). */
    public static ErrorSummary ofErrors(double[] relativeErrors) {
        double[] errors = Arrays.stream(relativeErrors).map(Math::abs).sorted().toArray();
        if (errors.length == 0) {
            return new ErrorSummary(0, Double.NaN, Double.NaN);
        }
        int n = errors.length;
        double median = n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
        return new ErrorSummary(n, median, Arrays.stream(errors).max().orElse(Double.NaN));
    }
}
