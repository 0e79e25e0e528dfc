package dev.gigawatt.calibration;

import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import java.util.List;
import java.util.Map;

/**
 * The serving calibration as tables: for every expressed row the prediction, the published value, the
 * error with the catalog's fitted figures and the leave-one-out error; then the rows not expressed.
 */
public final class ServingCalibrationTable {
    private ServingCalibrationTable() {}

    /** The table of predictions; {@code leaveOneOut} may be null to leave its columns out. */
    public static TextTable predictions(List<ServingPrediction> fit, List<ServingPrediction> leaveOneOut) {
        TextTable table = CalibrationTable.predictionTable(
                fit,
                leaveOneOut,
                List.of("row", "quantity", "model", "on", "layout", "ISL/OSL"),
                p -> {
                    ServingCase c = p.servingCase();
                    String lengths = Format.integer(c.inputTokens()) + "/" + Format.integer(c.outputTokens());
                    String on = c.accelerator().name() + " " + c.precision().key();
                    return List.of(c.id(), c.quantity().unit(), c.model().name(), on, c.layout(), lengths);
                },
                p -> p.servingCase().published(),
                ServingCalibrationTable::number);
        table.leftAlign(0, 1, 2, 3, 4, 5);
        return table;
    }

    /** Errors of {@code predictions}, for {@link ErrorSummary#ofErrors}. */
    public static double[] errors(List<ServingPrediction> predictions) {
        return predictions.stream().mapToDouble(ServingPrediction::error).toArray();
    }

    /** One line: count, median and largest |error| of the fit and of leave-one-out. */
    public static String summary(List<ServingPrediction> fit, List<ServingPrediction> leaveOneOut) {
        return CalibrationTable.summary(errors(fit), leaveOneOut == null ? null : errors(leaveOneOut));
    }

    /** The whole calibration section as Markdown: summary, predictions, rows not expressed. */
    public static String markdown(
            List<ServingPrediction> fit, List<ServingPrediction> leaveOneOut, Map<String, String> notExpressed) {
        return CalibrationTable.section(summary(fit, leaveOneOut), predictions(fit, leaveOneOut), notExpressed);
    }

    /** The fitted figures as a table. */
    public static TextTable figures(ServingFigures f) {
        TextTable t = new TextTable("family", "GEMM ceiling", "GEMM half-tokens", "HBM share").leftAlign(0);
        f.gemm()
                .forEach((family, gemm) -> t.row(
                        family,
                        Format.percent(gemm),
                        Format.number(f.gemmHalfTokens(), 1),
                        Format.percent(f.memory())));
        return t;
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return a >= 1000 ? Format.integer(v) : a >= 100 ? Format.number(v, 1) : Format.number(v, 2);
    }
}
