package dev.gigawatt.calibration;

import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import java.util.List;
import java.util.Map;

/**
 * The power calibration as tables: for every expressed case the prediction, the published value, the
 * error with the catalog's figures and the leave-one-out error; then the rows not expressed.
 */
public final class PowerCalibrationTable {
    private PowerCalibrationTable() {}

    /** The table of predictions; {@code leaveOneOut} may be null to leave its columns out. */
    public static TextTable predictions(List<PowerPrediction> fit, List<PowerPrediction> leaveOneOut) {
        TextTable table = CalibrationTable.predictionTable(
                fit,
                leaveOneOut,
                List.of("row", "quantity", "model", "on", "layout"),
                p -> {
                    PowerCase c = p.powerCase();
                    String model = c.model() == null ? "-" : c.model().name();
                    String on = c.accelerator().name()
                            + (c.precision() == null ? "" : " " + c.precision().key());
                    return List.of(c.id(), c.quantity().unit(), model, on, c.layout());
                },
                p -> p.powerCase().published(),
                PowerCalibrationTable::number);
        table.leftAlign(0, 1, 2, 3, 4);
        return table;
    }

    /** Errors of {@code predictions}, for {@link ErrorSummary#ofErrors}. */
    public static double[] errors(List<PowerPrediction> predictions) {
        return predictions.stream().mapToDouble(PowerPrediction::error).toArray();
    }

    /** One line: count, median and largest |error| of the fit and of leave-one-out. */
    public static String summary(List<PowerPrediction> fit, List<PowerPrediction> leaveOneOut) {
        return CalibrationTable.summary(errors(fit), leaveOneOut == null ? null : errors(leaveOneOut));
    }

    /** The whole calibration section as Markdown: summary, predictions, rows not expressed. */
    public static String markdown(
            List<PowerPrediction> fit, List<PowerPrediction> leaveOneOut, Map<String, String> notExpressed) {
        return CalibrationTable.section(summary(fit, leaveOneOut), predictions(fit, leaveOneOut), notExpressed);
    }

    /** The fitted figures as a table. */
    public static TextTable figures(PowerFigures f) {
        return new TextTable("figure", "value")
                .leftAlign(0)
                .row("power.servingComputeShare", Format.percent(f.serving().compute()))
                .row("power.servingMemoryShare", Format.percent(f.serving().memory()))
                .row("power.busyFractionOfNameplate", Format.percent(f.busyFractionOfNameplate()));
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return a >= 1000 ? Format.integer(v) : a >= 100 ? Format.number(v, 1) : Format.number(v, 3);
    }
}
