package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.ServerSpec;
import dev.gigawatt.input.Bound;
import dev.gigawatt.input.YamlMap;
import java.util.List;
import java.util.Map;

/**
 * The power calibration set: the published rows ({@code calibration/power.csv}), how each is expressed
 * ({@code power-cases.yaml}) or why it cannot be.
 *
 * @param rows every published row by id
 * @param cases the cases the power models express, a row's companion figures as cases of their own
 * @param notExpressed row id to the reason no model expresses it
 * @param catalog the catalog the cases were resolved in
 */
public record PowerCases(
        Map<String, PublishedRow> rows, List<PowerCase> cases, Map<String, String> notExpressed, Catalog catalog) {

    /** The built-in power calibration set resolved in {@code base} extended by the calibration models. */
    public static PowerCases builtIn(Catalog base) {
        Catalog catalog = CaseFile.withCalibrationModels(base);
        Map<String, PublishedRow> rows = PublishedRow.read("/calibration/power.csv");
        CaseFile<PowerCase> file = CaseFile.read("/calibration/power-cases.yaml", m -> read(m, rows, catalog));
        return new PowerCases(rows, file.cases(), file.notExpressed(), catalog);
    }

    private static PowerCase read(YamlMap m, Map<String, PublishedRow> rows, Catalog catalog) {
        PublishedRow row = CaseFile.row(m, rows, "power.csv");
        String id = row.id();
        PowerQuantity quantity = PowerQuantity.fromKey(m.string("compare"));
        if (quantity == null) {
            throw new IllegalStateException(m.path() + ": unknown compare " + m.string("compare"));
        }
        var accelerator =
                catalog.accelerators().find(m.string("accelerator")).orElseThrow(() -> missing(m, "accelerator"));
        double published = m.has("published") ? m.number("published", Bound.POSITIVE) : row.value();
        String note = m.string("note", "");
        if (quantity == PowerQuantity.NODE_POWER) {
            ServerSpec server =
                    catalog.servers().find(accelerator.serverName()).orElseThrow(() -> missing(m, "accelerator"));
            m.finish();
            return new PowerCase(
                    id, quantity, published, null, accelerator, null, 0, 0, 0, 0, 0, Double.NaN, server, note);
        }
        var model = catalog.models().find(m.string("model")).orElseThrow(() -> missing(m, "model"));
        Precision precision = Precision.fromKey(m.string("precision"));
        int tp = (int) m.integer("tp", 1, 1024, 1);
        int ep = (int) m.integer("ep", 1, 1024, 0);
        double input = m.integer("input", 1, 10_000_000);
        double output = m.integer("output", 1, 10_000_000);
        long batch = m.integer("batch", 1, 10_000_000);
        double measured = m.has("throughput") ? m.number("throughput", Bound.POSITIVE) : Double.NaN;
        if (quantity == PowerQuantity.ENERGY_PER_TOKEN && Double.isNaN(measured)) {
            throw new IllegalStateException(m.path() + ": energyPerToken needs the measured throughput");
        }
        m.finish();
        return new PowerCase(
                id,
                quantity,
                published,
                model,
                accelerator,
                precision,
                tp,
                ep,
                input,
                output,
                batch,
                measured,
                null,
                note);
    }

    private static IllegalStateException missing(YamlMap m, String key) {
        return new IllegalStateException(m.path() + ": unknown " + key + " " + m.string(key));
    }
}
