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

    /**
     * Checks that the parts a job fixes can run on {@code gpus} accelerators: tensor × pipeline ×
     * context parallelism must divide them (the rest is data parallelism), and a fixed global batch
     * must split evenly over the data-parallel ranks and a fixed micro-batch. Problems go to {@code where}.
     */
    static void check(YamlMap where, LayoutConstraints c, long gpus, long globalBatch) {
        if (where == null || gpus <= 0) {
            return;
        }
        if (c.virtualStages() > 1 && c.pipeline() <= 1) {
            where.problem("virtualStages " + c.virtualStages() + " needs pipeline parallelism above 1 (interleaved"
                    + " stages split each pipeline rank's layers); fix pipeline or drop virtualStages");
        }
        long tp = Math.max(1, c.tensor());
        long pp = Math.max(1, c.pipeline());
        long cp = Math.max(1, c.context());
        long modelParallel = tp * pp * cp;
        if (gpus % modelParallel != 0) {
            where.problem("tensor × pipeline × context parallelism (" + tp + " × " + pp + " × " + cp + " = "
                    + modelParallel + ") must divide the " + gpus + " accelerators it runs on");
            return;
        }
        boolean dataParallelFixed = c.tensor() > 0 && c.pipeline() > 0 && c.context() > 0;
        if (globalBatch > 0 && dataParallelFixed) {
            long dp = gpus / modelParallel;
            long perStep = dp * Math.max(1, c.microBatch());
            if (globalBatch % perStep != 0) {
                where.problem("a global batch of " + globalBatch + " sequences does not split over " + dp
                        + " data-parallel ranks" + (c.microBatch() > 0 ? " × micro-batch " + c.microBatch() : "")
                        + " (" + gpus + " accelerators / " + modelParallel + "); make it a multiple of " + perStep);
            }
        }
    }
}
