package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.NetworkSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.model.LayoutConstraints;

/**
 * One published training measurement expressed as a job the step-time model can predict.
 *
 * @param id the row id in {@code training.csv} (a companion figure adds a suffix)
 * @param from the row a companion figure is quoted in, or the id itself
 * @param published the published value, in {@link Quantity#unit()}
 * @param network the network the run used, or null for the family's default
 * @param gpus accelerators in the run
 * @param sequenceLength tokens per sequence
 * @param globalBatch sequences per step
 * @param fixed the parts of the layout the source states
 * @param balancedExperts true when the benchmark forces balanced expert routing
 * @param superseded why the row is shown but neither fitted nor counted in the error summaries (a
 *     measurement of a software release that later releases of the same stack outrun on the same
 *     hardware), or null
 */
public record TrainingCase(
        String id,
        String from,
        double published,
        Quantity quantity,
        FlopConvention flops,
        ModelSpec model,
        Accelerator accelerator,
        NetworkSpec network,
        long gpus,
        Precision precision,
        int sequenceLength,
        long globalBatch,
        LayoutConstraints fixed,
        boolean balancedExperts,
        String note,
        String superseded) {

    /** True when the row is fitted and counted. */
    public boolean counted() {
        return superseded == null;
    }
}
