package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.input.Bound;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.model.LayoutConstraints;
import dev.gigawatt.model.Recompute;
import dev.gigawatt.model.Sharding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training calibration set: the published rows ({@code calibration/training.csv}), how each is
 * expressed ({@code training-cases.yaml}) or why it cannot be, and the extra models and networks those
 * runs used ({@code models.yaml}).
 *
 * @param rows every published row by id
 * @param cases the rows (and companion figures) the model expresses
 * @param notExpressed row id to the reason the model cannot express it
 * @param catalog the catalog the cases were resolved in
 */
public record TrainingCases(
        Map<String, PublishedRow> rows, List<TrainingCase> cases, Map<String, String> notExpressed, Catalog catalog) {

    /** The cases that are fitted and counted in the error summaries (all but the superseded ones). */
    public List<TrainingCase> counted() {
        return cases.stream().filter(TrainingCase::counted).toList();
    }

    /** Superseded case id to why it is shown but not fitted, in file order. */
    public Map<String, String> superseded() {
        Map<String, String> out = new LinkedHashMap<>();
        cases.stream().filter(c -> !c.counted()).forEach(c -> out.put(c.id(), c.superseded()));
        return out;
    }

    /** The built-in calibration set resolved in {@code base} extended by the calibration models. */
    public static TrainingCases builtIn(Catalog base) {
        Catalog catalog = CaseFile.withCalibrationModels(base);
        Map<String, PublishedRow> rows = PublishedRow.read("/calibration/training.csv");
        CaseFile<TrainingCase> file = CaseFile.read("/calibration/training-cases.yaml", m -> read(m, rows, catalog));
        return new TrainingCases(rows, file.cases(), file.notExpressed(), catalog);
    }

    private static TrainingCase read(YamlMap m, Map<String, PublishedRow> rows, Catalog catalog) {
        String id = m.string("id");
        String from = m.string("from", id);
        PublishedRow row = rows.get(from);
        if (row == null) {
            m.problem("no row " + from + " in training.csv");
        }
        double value = m.has("value") ? m.number("value", Bound.POSITIVE) : row == null ? Double.NaN : row.value();
        Quantity quantity = Quantity.fromKey(m.string("compare"));
        FlopConvention flops = FlopConvention.fromKey(m.string("flops", "causal"));
        var model = catalog.models().find(m.string("model")).orElseThrow(() -> missing(m, "model"));
        var accelerator =
                catalog.accelerators().find(m.string("accelerator")).orElseThrow(() -> missing(m, "accelerator"));
        var network = m.has("network")
                ? catalog.networks().find(m.string("network")).orElseThrow(() -> missing(m, "network"))
                : null;
        long gpus = m.integer("gpus", 1, 1_000_000);
        Precision precision = Precision.fromKey(m.string("precision"));
        int sequence = (int) m.integer("sequence", 1, 10_000_000);
        long batch = m.integer("batch", 1, 100_000_000);
        LayoutConstraints fixed = layout(m.map("layout"));
        boolean balanced = "true".equals(m.string("balancedExperts", "false"));
        String note = m.string("note", "");
        String superseded = m.has("superseded") ? m.string("superseded") : null;
        m.finish();
        return new TrainingCase(
                id,
                from,
                value,
                quantity,
                flops,
                model,
                accelerator,
                network,
                gpus,
                precision,
                sequence,
                batch,
                fixed,
                balanced,
                note,
                superseded);
    }

    private static LayoutConstraints layout(YamlMap l) {
        if (l == null) {
            return LayoutConstraints.NONE;
        }
        int tp = (int) l.integer("tp", 1, 4096, 0);
        int pp = (int) l.integer("pp", 1, 4096, 0);
        int cp = (int) l.integer("cp", 1, 4096, 0);
        int ep = (int) l.integer("ep", 1, 4096, 0);
        int vp = (int) l.integer("vp", 1, 4096, 0);
        int mbs = (int) l.integer("mbs", 1, 4096, 0);
        Recompute recompute =
                l.has("recompute") ? Recompute.valueOf(l.string("recompute").toUpperCase(Locale.ROOT)) : null;
        Sharding sharding =
                l.has("sharding") ? Sharding.valueOf(l.string("sharding").toUpperCase(Locale.ROOT)) : null;
        l.finish();
        return new LayoutConstraints(tp, pp, cp, ep, vp, mbs, recompute, sharding);
    }

    private static IllegalStateException missing(YamlMap m, String key) {
        return new IllegalStateException(m.path() + ": unknown " + key + " " + m.string(key));
    }
}
