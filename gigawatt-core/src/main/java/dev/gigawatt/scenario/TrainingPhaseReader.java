package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Precision;
import dev.gigawatt.input.Limits;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a training job's {@code phases:} list; each phase inherits what it leaves out from the job. */
final class TrainingPhaseReader {
    private TrainingPhaseReader() {}

    /** The phases under {@code m}, or an empty list when the job has none. */
    static List<TrainingPhase> phases(YamlMap m, TrainingPhase job) {
        List<TrainingPhase> out = new ArrayList<>();
        int i = 0;
        for (YamlNode item : m.list("phases")) {
            YamlMap p = item.asMap();
            i++;
            if (p == null) {
                continue;
            }
            String name = p.string("name", "phase " + i);
            double tokens = p.number("tokens", Limits.TRAINING_TOKENS);
            int sequence = (int) p.integer("sequenceLength", 1, Limits.MAX_SEQUENCE_LENGTH, job.sequenceLength());
            long gpus = p.integer("accelerators", 1, Limits.MAX_JOB_ACCELERATORS, job.gpus());
            if (job.gpus() > 0 && gpus > job.gpus()) {
                p.optional("accelerators")
                        .problem(
                                "a phase may not use more accelerators than its job (" + job.gpus() + "), got " + gpus);
            }
            Precision precision = job.precision();
            if (p.has("precision")) {
                String key = p.string("precision");
                precision = key == null ? null : Precision.fromKey(key);
                if (precision == null) {
                    p.optional("precision").problem("must be a precision such as bf16 or fp8, got \"" + key + "\"");
                }
            }
            long batch = p.integer("globalBatch", 1, 1_000_000_000L, job.globalBatch());
            YamlMap own = p.has("parallelism") ? p.map("parallelism") : null;
            var layout = own != null ? TrainingLayoutReader.layout(own) : job.layout();
            TrainingLayoutReader.check(own != null ? own : p, layout, gpus, batch);
            p.finish();
            out.add(new TrainingPhase(name, tokens, sequence, gpus, precision, batch, layout));
        }
        return out;
    }
}
