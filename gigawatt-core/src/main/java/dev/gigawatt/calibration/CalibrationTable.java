package dev.gigawatt.calibration;

import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The training calibration as tables: for every expressed row the prediction, the published value, the
 * error with the catalog's fitted figures and the leave-one-out error; then the rows not expressed and why.
 */
public final class CalibrationTable {
    private CalibrationTable() {}

    /** The table of predictions; {@code leaveOneOut} may be null to leave its columns out. */
    public static TextTable predictions(List<Prediction> fit, List<Prediction> leaveOneOut) {
        TextTable table = leaveOneOut == null
                ? new TextTable("row", "quantity", "published", "predicted", "error", "layout")
                : new TextTable(
                        "row", "quantity", "published", "predicted", "error", "LOO predicted", "LOO error", "layout");
        table.leftAlign(0, 1, leaveOneOut == null ? 5 : 7);
        for (int i = 0; i < fit.size(); i++) {
            Prediction p = fit.get(i);
            TrainingCase c = p.trainingCase();
            String id = c.counted() ? c.id() : c.id() + " (superseded)";
            String quantity = c.quantity().unit();
            String layout = p.step().layout().toString();
            if (leaveOneOut == null) {
                table.row(id, quantity, number(c.published()), number(p.predicted()), signed(p.error()), layout);
            } else {
                Prediction l = leaveOneOut.get(i);
                table.row(
                        id,
                        quantity,
                        number(c.published()),
                        number(p.predicted()),
                        signed(p.error()),
                        number(l.predicted()),
                        signed(l.error()),
                        layout);
            }
        }
        return table;
    }

    /** The rows the model does not express, with the reason. */
    public static TextTable notExpressed(Map<String, String> reasons) {
        TextTable table = new TextTable("row", "why it is not expressed").leftAlign(0, 1);
        reasons.forEach(table::row);
        return table;
    }

    /** The superseded rows, shown but not fitted or counted, with the evidence. */
    public static TextTable superseded(Map<String, String> reasons) {
        TextTable table = new TextTable("row", "why it is shown but not fitted or counted").leftAlign(0, 1);
        reasons.forEach(table::row);
        return table;
    }

    /** One line: count, median and largest |error| of the fit and of leave-one-out. */
    public static String summary(ErrorSummary fit, ErrorSummary leaveOneOut) {
        return summary(fit, leaveOneOut, 0);
    }

    /**
     * One line: count, median and largest |error| of the fit and of leave-one-out over the counted rows,
     * and how many superseded rows are shown besides.
     */
    public static String summary(ErrorSummary fit, ErrorSummary leaveOneOut, int superseded) {
        String s = String.format(
                Locale.ROOT,
                "%d rows expressed%s; fit: median |error| %s, max %s",
                fit.count(),
                superseded > 0 ? " and counted (" + superseded + " superseded rows shown besides)" : "",
                Format.percent(fit.medianAbsoluteError()),
                Format.percent(fit.maxAbsoluteError()));
        if (leaveOneOut != null) {
            s += String.format(
                    Locale.ROOT,
                    "; leave-one-out: median |error| %s, max %s",
                    Format.percent(leaveOneOut.medianAbsoluteError()),
                    Format.percent(leaveOneOut.maxAbsoluteError()));
        }
        return s;
    }

    /** The summary line of relative errors (predicted / published − 1); {@code leaveOneOut} may be null. */
    static String summary(double[] fit, double[] leaveOneOut) {
        return summary(ErrorSummary.ofErrors(fit), leaveOneOut == null ? null : ErrorSummary.ofErrors(leaveOneOut));
    }

    /** A calibration section as Markdown: the summary line, the predictions, the rows not expressed. */
    static String section(String summary, TextTable predictions, Map<String, String> notExpressed) {
        return summary + ".\n\n"
                + predictions.markdown() + "\n"
                + "Rows not expressed (" + notExpressed.size() + "):\n\n"
                + notExpressed(notExpressed).markdown();
    }

    /** The whole calibration section as Markdown: summary, predictions, rows not expressed. */
    public static String markdown(
            List<Prediction> fit,
            List<Prediction> leaveOneOut,
            Map<String, String> superseded,
            Map<String, String> notExpressed) {
        return summary(ErrorSummary.of(fit), ErrorSummary.of(leaveOneOut), superseded.size()) + ".\n\n"
                + predictions(fit, leaveOneOut).markdown() + "\n"
                + (superseded.isEmpty()
                        ? ""
                        : "Superseded rows (" + superseded.size() + "), shown above but not fitted or counted:\n\n"
                                + superseded(superseded).markdown() + "\n")
                + "Rows not expressed (" + notExpressed.size() + "):\n\n"
                + notExpressed(notExpressed).markdown();
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return a >= 1000 ? Format.integer(v) : a >= 100 ? Format.number(v, 1) : Format.number(v, 2);
    }

    /** A figure the model predicted for a published row, and its relative error. */
    interface Predicted {
        double predicted();

        double error();
    }

    /**
     * A table of predictions: the identifying columns, then published, predicted and error, and the
     * leave-one-out prediction and error unless {@code leaveOneOut} is null.
     */
    static <P extends Predicted> TextTable predictionTable(
            List<P> fit,
            List<P> leaveOneOut,
            List<String> identityHeader,
            Function<P, List<String>> identity,
            ToDoubleFunction<P> published,
            DoubleFunction<String> number) {
        List<String> header = new ArrayList<>(identityHeader);
        header.addAll(List.of("published", "predicted", "error"));
        if (leaveOneOut != null) {
            header.addAll(List.of("LOO predicted", "LOO error"));
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (int i = 0; i < fit.size(); i++) {
            P p = fit.get(i);
            List<String> cells = new ArrayList<>(identity.apply(p));
            cells.add(number.apply(published.applyAsDouble(p)));
            cells.add(number.apply(p.predicted()));
            cells.add(signed(p.error()));
            if (leaveOneOut != null) {
                cells.add(number.apply(leaveOneOut.get(i).predicted()));
                cells.add(signed(leaveOneOut.get(i).error()));
            }
            table.row(cells.toArray(String[]::new));
        }
        return table;
    }

    static String signed(double e) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * e);
    }
}
