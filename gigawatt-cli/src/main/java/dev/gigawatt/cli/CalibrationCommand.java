package dev.gigawatt.cli;

import dev.gigawatt.calibration.CalibrationTable;
import dev.gigawatt.calibration.ErrorSummary;
import dev.gigawatt.calibration.PowerCalibration;
import dev.gigawatt.calibration.PowerCalibrationTable;
import dev.gigawatt.calibration.PowerCases;
import dev.gigawatt.calibration.PowerPrediction;
import dev.gigawatt.calibration.Prediction;
import dev.gigawatt.calibration.ReliabilityCalibration;
import dev.gigawatt.calibration.ServingCalibration;
import dev.gigawatt.calibration.ServingCalibrationTable;
import dev.gigawatt.calibration.ServingCases;
import dev.gigawatt.calibration.ServingPrediction;
import dev.gigawatt.calibration.TrainingCalibration;
import dev.gigawatt.calibration.TrainingCases;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.TrainingEfficiency;
import dev.gigawatt.model.StepConstants;
import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gigawatt calibration [training]}: the model's predictions beside published measurements, with
 * the error of the catalog's fitted figures and the leave-one-out error.
 */
@Command(
        name = "calibration",
        mixinStandardHelpOptions = true,
        description =
                "Compare the training step-time model (or the serving replica model, or the power models) with published"
                        + " runs: prediction, published value and error for every row it can express (fit and"
                        + " leave-one-out), and the rows it cannot express with the reason.")
final class CalibrationCommand implements Callable<Integer> {
    enum Set {
        training,
        serving,
        power,
        reliability
    }

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SET",
            defaultValue = "training",
            description = "Calibration set: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Set set;

    @Option(
            names = "--no-loo",
            negatable = true,
            defaultValue = "true",
            description = "Leave out the leave-one-out refits (faster).")
    boolean leaveOneOut;

    @Option(names = "--fit", description = "Refit the free efficiencies on every row and print them.")
    boolean fit;

    @Option(names = "--markdown", description = "Print the tables as Markdown.")
    boolean markdown;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (set == Set.serving) {
            return serving(out);
        }
        if (set == Set.power) {
            return power(out);
        }
        if (set == Set.reliability) {
            var r = new ReliabilityCalibration(Catalog.builtIn());
            out.println("Failure rates (reliability.yaml, failure-rates.yaml) against published failure observations"
                    + " (calibration/reliability.csv)");
            out.println();
            out.print(render(r.table()));
            out.println();
            out.println("Rows not expressed (" + r.notExpressed().size() + "):");
            out.print(render(r.notExpressedTable()));
            out.flush();
            return 0;
        }
        var calibration = new TrainingCalibration(
                TrainingCases.builtIn(Catalog.builtIn()), StepConstants.from(Assumptions.builtIn()));
        List<Prediction> predictions = calibration.predict();
        List<Prediction> loo = leaveOneOut ? calibration.leaveOneOut() : null;
        if (markdown && loo != null && !fit) {
            // Exactly the block docs/models.md shows (ModelsDocTest keeps the two equal).
            out.print(CalibrationTable.markdown(
                    predictions,
                    loo,
                    calibration.cases().superseded(),
                    calibration.cases().notExpressed()));
            out.flush();
            return 0;
        }
        out.println("Training step-time model against "
                + calibration.cases().rows().size() + " published rows (calibration/training.csv)");
        out.println();
        out.print(render(CalibrationTable.predictions(predictions, loo)));
        out.println();
        Map<String, String> superseded = calibration.cases().superseded();
        out.println(CalibrationTable.summary(
                ErrorSummary.of(predictions), loo == null ? null : ErrorSummary.of(loo), superseded.size()));
        out.println();
        if (!superseded.isEmpty()) {
            out.println("Superseded rows (" + superseded.size() + "), shown above but not fitted or counted:");
            out.print(render(CalibrationTable.superseded(superseded)));
            out.println();
        }
        out.println("Rows not expressed (" + calibration.cases().notExpressed().size() + "):");
        out.print(render(CalibrationTable.notExpressed(calibration.cases().notExpressed())));
        if (fit) {
            out.println();
            out.println("Refitted on every counted row:");
            out.print(render(fitted(calibration.fit(calibration.cases().counted()))));
        }
        out.flush();
        return 0;
    }

    private int serving(PrintWriter out) {
        var calibration = new ServingCalibration(ServingCases.builtIn(Catalog.builtIn()), Assumptions.builtIn());
        List<ServingPrediction> predictions = calibration.predict();
        List<ServingPrediction> loo = leaveOneOut ? calibration.leaveOneOut() : null;
        Map<String, String> notExpressed = calibration.cases().notExpressed();
        return report(
                out,
                "Serving replica model against " + calibration.cases().rows().size()
                        + " published rows (calibration/serving.csv)",
                () -> ServingCalibrationTable.markdown(predictions, loo, notExpressed),
                loo != null,
                ServingCalibrationTable.predictions(predictions, loo),
                ServingCalibrationTable.summary(predictions, loo),
                notExpressed,
                () -> ServingCalibrationTable.figures(
                        calibration.fit(calibration.cases().cases())));
    }

    private int power(PrintWriter out) {
        var calibration = new PowerCalibration(PowerCases.builtIn(Catalog.builtIn()), Assumptions.builtIn());
        List<PowerPrediction> predictions = calibration.predict();
        List<PowerPrediction> loo = leaveOneOut ? calibration.leaveOneOut() : null;
        Map<String, String> notExpressed = calibration.cases().notExpressed();
        return report(
                out,
                "Serving power model and busy node power against "
                        + calibration.cases().rows().size() + " published rows (calibration/power.csv)",
                () -> PowerCalibrationTable.markdown(predictions, loo, notExpressed),
                loo != null,
                PowerCalibrationTable.predictions(predictions, loo),
                PowerCalibrationTable.summary(predictions, loo),
                notExpressed,
                () -> PowerCalibrationTable.figures(
                        calibration.fit(calibration.cases().cases())));
    }

    /**
     * Prints a calibration set: the docs block alone with {@code --markdown} (and leave-one-out, without
     * {@code --fit}), else the heading, predictions, summary, rows not expressed and, with {@code --fit},
     * the refitted figures.
     */
    private int report(
            PrintWriter out,
            String heading,
            Supplier<String> docsBlock,
            boolean withLeaveOneOut,
            TextTable predictions,
            String summary,
            Map<String, String> notExpressed,
            Supplier<TextTable> refit) {
        if (markdown && withLeaveOneOut && !fit) {
            // Exactly the block docs/models.md shows (ModelsDocTest keeps the two equal).
            out.print(docsBlock.get());
            out.flush();
            return 0;
        }
        out.println(heading);
        out.println();
        out.print(render(predictions));
        out.println();
        out.println(summary);
        out.println();
        out.println("Rows not expressed (" + notExpressed.size() + "):");
        out.print(render(CalibrationTable.notExpressed(notExpressed)));
        if (fit) {
            out.println();
            out.println("Refitted on every expressed row:");
            out.print(render(refit.get()));
        }
        out.flush();
        return 0;
    }

    private String render(TextTable table) {
        return markdown ? table.markdown() : table.render();
    }

    private static TextTable fitted(Map<String, TrainingEfficiency> families) {
        TextTable t = new TextTable("family", "bf16 GEMM", "fp8 GEMM", "fp4 GEMM", "half dimension", "communication");
        families.values()
                .forEach(e -> t.row(
                        e.name(),
                        Format.percent(e.gemm(Precision.BF16)),
                        e.gemmEfficiency().containsKey(Precision.FP8) ? Format.percent(e.gemm(Precision.FP8)) : "-",
                        e.gemmEfficiency().containsKey(Precision.FP4) ? Format.percent(e.gemm(Precision.FP4)) : "-",
                        Format.integer(e.gemmHalfDimension()),
                        Format.percent(e.communicationEfficiency())));
        return t;
    }
}
