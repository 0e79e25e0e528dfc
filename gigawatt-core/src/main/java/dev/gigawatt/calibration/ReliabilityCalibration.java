package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.FailureCategory;
import dev.gigawatt.catalog.ReliabilityData;
import dev.gigawatt.input.Bound;
import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog's failure rates against the published failure observations of
 * {@code calibration/reliability.csv}: each expressible row's count predicted from the reference rate,
 * the generation's factor and the share of the faults it counts.
 */
public final class ReliabilityCalibration {
    /**
     * One row's comparison.
     *
     * @param predicted the count the catalog's rates give for the row's accelerators and days
     */
    public record Row(String id, String quantity, double published, double predicted, String note) {
        /** Relative error, {@code predicted / published − 1}. */
        public double error() {
            return predicted / published - 1;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> notExpressed = new LinkedHashMap<>();

    /** The built-in reliability calibration against {@code catalog}'s rates. */
    public ReliabilityCalibration(Catalog catalog) {
        Map<String, PublishedRow> published = PublishedRow.read("/calibration/reliability.csv");
        ReliabilityData data = catalog.reliability();
        CaseFile<Row> file = CaseFile.read("/calibration/reliability-cases.yaml", m -> {
            String id = m.string("id");
            Accelerator accelerator =
                    catalog.accelerators().find(m.string("accelerator")).orElseThrow();
            double gpus = m.number("gpus", Bound.POSITIVE);
            double days = m.number("days", Bound.POSITIVE);
            String count = m.string("count");
            String note = m.string("note", "");
            m.finish();
            double hours = gpus * days * 24;
            double rate = data.failuresPerAcceleratorHour() * catalog.failureRateFactor(accelerator);
            double share =
                    switch (count) {
                        case "accelerator" -> componentShare(data, "accelerator");
                        case "machines" -> data.hardwareShare();
                        default -> 1.0;
                    };
            PublishedRow row = published.get(id);
            return new Row(id, row.quantity(), row.value(), rate * share * hours, note);
        });
        rows.addAll(file.cases());
        notExpressed.putAll(file.notExpressed());
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Map<String, String> notExpressed() {
        return Collections.unmodifiableMap(notExpressed);
    }

    /** The comparison as a table. */
    public TextTable table() {
        TextTable t = new TextTable("row", "published", "predicted", "error", "what is counted").leftAlign(0, 4);
        for (Row r : rows) {
            t.row(
                    r.id(),
                    Format.number(r.published(), 2),
                    Format.number(r.predicted(), 2),
                    String.format(Locale.ROOT, "%+.0f%%", 100 * r.error()),
                    r.quantity() + " (" + r.note() + ")");
        }
        return t;
    }

    /** The rows not expressed, with the reason, in file order. */
    public TextTable notExpressedTable() {
        return CalibrationTable.notExpressed(notExpressed);
    }

    private static double componentShare(ReliabilityData data, String component) {
        int n = data.categories().stream()
                .filter(c -> component.equals(c.component()))
                .mapToInt(FailureCategory::interruptions)
                .sum();
        return (double) n / data.totalInterruptions();
    }
}
