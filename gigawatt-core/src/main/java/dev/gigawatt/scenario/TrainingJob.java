package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.model.LayoutConstraints;
import java.time.LocalDate;
import java.util.List;

/**
 * A model training run.
 *
 * @param tokens training tokens
 * @param gpus accelerators the job runs on (gang-scheduled)
 * @param mfu model FLOPs utilisation the scenario fixes, 0..1, bypassing the step-time model; NaN to let the
 *     step-time model predict it
 * @param sequenceLength tokens per training sequence
 * @param checkpointBytes bytes written per checkpoint
 * @param checkpointWriteBytesPerSecond aggregate checkpoint write bandwidth, B/s
 * @param checkpointIntervalSeconds time between checkpoints, s; NaN to use the optimal (Young/Daly) interval
 * @param priority scheduling priority under the priority policy; higher runs first
 * @param globalBatch sequences per optimizer step, or 0 for the default batch in tokens
 * @param layout the parts of the parallel layout the scenario fixes
 * @param network the catalog network the job runs on, or null for its accelerator's default
 * @param phases the job's stages; empty for a job of one stage described by its own fields
 */
public record TrainingJob(
        String name,
        ModelSpec model,
        double tokens,
        long gpus,
        Accelerator accelerator,
        Precision precision,
        double mfu,
        int sequenceLength,
        double checkpointBytes,
        double checkpointWriteBytesPerSecond,
        double checkpointIntervalSeconds,
        LocalDate start,
        String site,
        int priority,
        long globalBatch,
        LayoutConstraints layout,
        String network,
        List<TrainingPhase> phases) {
    public TrainingJob {
        phases = List.copyOf(phases);
    }

    /** The stages to plan: the listed phases, or the job itself as its only phase. */
    public List<TrainingPhase> stages() {
        return phases.isEmpty()
                ? List.of(new TrainingPhase(name, tokens, sequenceLength, gpus, precision, globalBatch, layout))
                : phases;
    }

    /** True when the scenario fixed MFU, so the step-time model is bypassed. */
    public boolean mfuOverridden() {
        return !Double.isNaN(mfu);
    }
}
