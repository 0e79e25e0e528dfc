package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.input.YamlMap;
import java.util.List;
import java.util.Map;

/**
 * The serving calibration set: the published rows ({@code calibration/serving.csv}), how each is
 * expressed ({@code serving-cases.yaml}) or why it cannot be.
 *
 * @param rows every published row by id
 * @param cases the rows the replica model expresses
 * @param notExpressed row id to the reason the model cannot express it
 * @param catalog the catalog the cases were resolved in
 */
public record ServingCases(
        Map<String, PublishedRow> rows, List<ServingCase> cases, Map<String, String> notExpressed, Catalog catalog) {

    /** The built-in serving calibration set resolved in {@code base} extended by the calibration models. */
    public static ServingCases builtIn(Catalog base) {
        Catalog catalog = CaseFile.withCalibrationModels(base);
        Map<String, PublishedRow> rows = PublishedRow.read("/calibration/serving.csv");
        CaseFile<ServingCase> file = CaseFile.read("/calibration/serving-cases.yaml", m -> read(m, rows, catalog));
        return new ServingCases(rows, file.cases(), file.notExpressed(), catalog);
    }

    private static ServingCase read(YamlMap m, Map<String, PublishedRow> rows, Catalog catalog) {
        PublishedRow row = CaseFile.row(m, rows, "serving.csv");
        String id = row.id();
        ServingQuantity quantity = ServingQuantity.fromKey(m.string("compare"));
        var model = catalog.models().find(m.string("model")).orElseThrow(() -> missing(m, "model"));
        var accelerator =
                catalog.accelerators().find(m.string("accelerator")).orElseThrow(() -> missing(m, "accelerator"));
        Precision precision = Precision.fromKey(m.string("precision"));
        int tp = (int) m.integer("tp", 1, 1024, 1);
        int pp = (int) m.integer("pp", 1, 1024, 1);
        int ep = (int) m.integer("ep", 1, 1024, 0);
        double input = m.integer("input", 1, 10_000_000);
        double output = m.integer("output", 1, 10_000_000);
        long concurrency = m.integer("concurrency", 1, 10_000_000, 0);
        int perAccelerators = (int) m.integer("perAccelerators", 1, 1024, 1);
        String note = m.string("note", "");
        m.finish();
        return new ServingCase(
                id,
                quantity,
                row.value(),
                model,
                accelerator,
                precision,
                tp,
                pp,
                ep,
                input,
                output,
                concurrency,
                perAccelerators,
                note);
    }

    private static IllegalStateException missing(YamlMap m, String key) {
        return new IllegalStateException(m.path() + ": unknown " + key + " " + m.string(key));
    }
}
