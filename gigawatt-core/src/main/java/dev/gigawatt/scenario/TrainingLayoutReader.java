package dev.gigawatt.scenario;

import dev.gigawatt.catalog.CatalogReader;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.model.LayoutConstraints;
import dev.gigawatt.model.Recompute;
import dev.gigawatt.model.Sharding;
import java.util.List;
import java.util.Locale;

/** Reads a training job's {@code parallelism:} map: the parts of the layout the job fixes. */
final class TrainingLayoutReader {
    private static final long MAX_DEGREE = 1_000_000;

    private TrainingLayoutReader() {}

    static LayoutConstraints layout(YamlMap p) {
        if (p == null) {
            return LayoutConstraints.NONE;
        }
        int tensor = (int) p.integer("tensor", 1, MAX_DEGREE, 0);
        int pipeline = (int) p.integer("pipeline", 1, MAX_DEGREE, 0);
        int context = (int) p.integer("context", 1, MAX_DEGREE, 0);
        int expert = (int) p.integer("expert", 1, MAX_DEGREE, 0);
        int virtual = (int) p.integer("virtualStages", 1, MAX_DEGREE, 0);
        int micro = (int) p.integer("microBatch", 1, MAX_DEGREE, 0);
        Recompute recompute = null;
        if (p.has("recompute")) {
            String r = CatalogReader.oneOf(p, "recompute", List.of("none", "selective", "full"));
            recompute = r == null ? null : Recompute.valueOf(r.toUpperCase(Locale.ROOT));
        }
        Sharding sharding = null;
        if (p.has("sharding")) {
            String s = CatalogReader.oneOf(p, "sharding", List.of("none", "optimizer", "full"));
            sharding = s == null ? null : Sharding.valueOf(s.toUpperCase(Locale.ROOT));
        }
        p.finish();
        return new LayoutConstraints(tensor, pipeline, context, expert, virtual, micro, recompute, sharding);
    }
}
