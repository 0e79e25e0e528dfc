package dev.gigawatt.plan;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.NetworkSpec;
import dev.gigawatt.catalog.TrainingEfficiency;
import dev.gigawatt.model.LayoutSearch;
import dev.gigawatt.model.StepConstants;
import dev.gigawatt.model.StepTime;
import dev.gigawatt.model.StepTimeModel;
import dev.gigawatt.model.TrainingSetup;
import dev.gigawatt.scenario.TrainingJob;
import dev.gigawatt.scenario.TrainingPhase;

/**
 * The one place a training job's throughput comes from, for the planner and the simulator alike: the
 * step-time model with the fastest layout that fits, or the scenario's MFU when it fixes one.
 */
public final class StepPlanner {
    private final Catalog catalog;
    private final StepConstants constants;
    private final double defaultBatchTokensPerAccelerator;

    /**
     * @param defaultBatchTokensPerAccelerator tokens per step and accelerator for jobs that state no global batch
     */
    public StepPlanner(Catalog catalog, StepConstants constants, double defaultBatchTokensPerAccelerator) {
        this.catalog = catalog;
        this.constants = constants;
        this.defaultBatchTokensPerAccelerator = defaultBatchTokensPerAccelerator;
    }

    /** The throughput of {@code job}'s first (or only) stage. */
    public TrainingThroughput throughput(TrainingJob job) {
        return throughput(job, job.stages().get(0), null);
    }

    /**
     * The throughput of one stage of {@code job}.
     *
     * @param siteNetwork the network of the job's site, or null; the job's own network comes first
     */
    public TrainingThroughput throughput(TrainingJob job, TrainingPhase phase, String siteNetwork) {
        double flopsPerToken = StepTimeModel.modelFlopsPerToken(job.model(), phase.sequenceLength());
        double peak = job.accelerator().peakFlops(phase.precision());
        TrainingEfficiency efficiency =
                catalog.trainingEfficiency(job.accelerator()).orElse(null);
        if (job.mfuOverridden() || efficiency == null) {
            double mfu = job.mfuOverridden() ? job.mfu() : Double.NaN;
            String why = job.mfuOverridden()
                    ? "MFU fixed by the scenario (step-time model bypassed)"
                    : "no training efficiencies for " + job.accelerator().name();
            if (!job.mfuOverridden()) {
                throw new IllegalArgumentException(why + "; give the job an mfu or add the accelerator to a"
                        + " trainingEfficiency family in the catalog");
            }
            return new TrainingThroughput(
                    false,
                    mfu,
                    Double.NaN,
                    Double.NaN,
                    mfu * peak / flopsPerToken,
                    0,
                    why,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    true);
        }
        String networkName =
                job.network() != null ? job.network() : siteNetwork != null ? siteNetwork : efficiency.network();
        NetworkSpec network = catalog.networks()
                .find(networkName)
                .orElseThrow(() -> new IllegalArgumentException("unknown network " + networkName));
        boolean flexible = phase.globalBatch() <= 0;
        long batch = flexible
                ? Math.max(1, Math.round(defaultBatchTokensPerAccelerator * phase.gpus() / phase.sequenceLength()))
                : phase.globalBatch();
        TrainingSetup setup = new TrainingSetup(
                job.model(),
                job.accelerator(),
                phase.precision(),
                efficiency,
                network,
                phase.sequenceLength(),
                batch,
                constants);
        StepTime step = LayoutSearch.best(setup, phase.gpus(), phase.layout(), flexible);
        double stepSeconds = step.stepSeconds();
        long usedBatch =
                Math.round(step.tokensPerSecondPerAccelerator() * stepSeconds * phase.gpus() / phase.sequenceLength());
        return new TrainingThroughput(
                true,
                step.mfu(),
                step.hfu(),
                stepSeconds,
                step.tokensPerSecondPerAccelerator(),
                usedBatch,
                step.layout().toString(),
                step.computeSeconds() / stepSeconds,
                step.communicationSeconds() / stepSeconds,
                step.bubbleSeconds() / stepSeconds,
                step.memoryBytes(),
                step.fits());
    }
}
