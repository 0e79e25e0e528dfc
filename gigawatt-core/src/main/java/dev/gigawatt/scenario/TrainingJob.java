package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import java.time.LocalDate;

/**
 * A model training run.
 *
 * @param tokens training tokens
 * @param gpus accelerators the job runs on (gang-scheduled)
 * @param mfu model FLOPs utilisation, 0..1 (from the scale model when the scenario leaves it out)
 * @param sequenceLength tokens per training sequence
 * @param checkpointBytes bytes written per checkpoint
 * @param checkpointWriteBytesPerSecond aggregate checkpoint write bandwidth, B/s
 * @param checkpointIntervalSeconds time between checkpoints, s; NaN to use the optimal (Young/Daly) interval
 * @param priority scheduling priority under the priority policy; higher runs first
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
        int priority) {}
