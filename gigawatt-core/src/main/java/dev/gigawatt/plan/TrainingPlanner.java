package dev.gigawatt.plan;

import dev.gigawatt.model.MarketBasedIntensity;
import dev.gigawatt.model.ReliabilityModel;
import dev.gigawatt.model.TrainingModel;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Reliability;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.scenario.TrainingJob;
import dev.gigawatt.scenario.TrainingPhase;
import dev.gigawatt.units.Units;
import java.util.ArrayList;
import java.util.List;

/** Plans one training job: FLOPs, time with failures and checkpoints, energy, emissions and cost. */
final class TrainingPlanner {
    private final Economics economics;
    private final StepPlanner steps;

    TrainingPlanner(Economics economics, StepPlanner steps) {
        this.economics = economics;
        this.steps = steps;
    }

    TrainingPlan plan(TrainingJob job, Site site, double powerFractionOfTdp) {
        var model = job.model();
        List<PhasePlan> phases = new ArrayList<>();
        double flops = 0;
        double computeSeconds = 0;
        double computeGpuSeconds = 0;
        for (TrainingPhase phase : job.stages()) {
            double phaseFlops = TrainingModel.flops(
                    model.activeParameters(),
                    phase.tokens(),
                    model.layers(),
                    model.hiddenSize(),
                    phase.sequenceLength());
            TrainingThroughput t = steps.throughput(job, phase, site.network());
            double seconds = phase.tokens() / (t.tokensPerSecondPerAccelerator() * phase.gpus());
            phases.add(new PhasePlan(
                    phase.name(),
                    phase.tokens(),
                    phase.sequenceLength(),
                    phase.gpus(),
                    phase.precision().key(),
                    phaseFlops,
                    t,
                    seconds));
            flops += phaseFlops;
            computeSeconds += seconds;
            computeGpuSeconds += seconds * phase.gpus();
        }
        PhasePlan main = phases.stream()
                .max(java.util.Comparator.comparingDouble(PhasePlan::tokens))
                .orElseThrow();
        TrainingThroughput throughput = main.throughput();
        double mfu = mfu(job, phases, computeGpuSeconds);

        Reliability reliability = economics.scenario().reliability();
        double mtbf = ReliabilityModel.jobMtbfSeconds(
                job.gpus(),
                reliability.failuresPerAcceleratorHour(
                        job.accelerator(), economics.scenario().catalog()));
        double checkpointSeconds = job.checkpointBytes() / job.checkpointWriteBytesPerSecond();
        double interval = Double.isNaN(job.checkpointIntervalSeconds())
                ? ReliabilityModel.dalyIntervalSeconds(checkpointSeconds, mtbf)
                : job.checkpointIntervalSeconds();
        double restartSeconds = reliability.restartSeconds(job.gpus());
        double ettr = ReliabilityModel.ettr(interval, checkpointSeconds, restartSeconds, mtbf);
        double wallSeconds = computeSeconds / ettr;
        double gpuHours = Units.hours(computeGpuSeconds / ettr);

        Deployment unit = PlanSupport.unitDeployment(job.accelerator(), job.gpus(), site.name(), economics);
        TrainingCarbon carbon = TrainingCarbon.of(
                gpuHours,
                Economics.itWatts(unit, 1),
                job.accelerator().tdpWatts() * powerFractionOfTdp,
                site.meanPue(),
                site.grid().carbonIntensityGramsPerKwh(),
                MarketBasedIntensity.of(site.grid(), site.renewableShare()).gramsPerKwh());
        double cost = gpuHours * economics.usdPerAcceleratorHour(unit, site, 1);
        return new TrainingPlan(
                job.name(),
                model.name(),
                job.accelerator().name(),
                site.name(),
                flops,
                job.gpus(),
                Units.days(wallSeconds),
                gpuHours,
                ettr,
                mfu,
                throughput,
                phases,
                computeSeconds,
                Units.hours(mtbf),
                interval / 60,
                checkpointSeconds,
                restartSeconds / 60,
                wallSeconds / mtbf,
                carbon.energyMwh(),
                carbon.co2eTonnesLocation(),
                carbon.co2eTonnesMarket(),
                cost,
                carbon.disclosureEnergyMwh(),
                carbon.disclosureCo2eTonnes());
    }

    /** FLOP-weighted MFU over the phases: the job's FLOPs over its accelerator-seconds at peak. */
    private static double mfu(TrainingJob job, List<PhasePlan> phases, double computeGpuSeconds) {
        double peakFlopSeconds = 0;
        double modelFlops = 0;
        for (PhasePlan p : phases) {
            double peak = job.accelerator().peakFlops(dev.gigawatt.catalog.Precision.fromKey(p.precision()));
            peakFlopSeconds += p.computeSeconds() * p.gpus() * peak;
            modelFlops += p.throughput().mfu() * p.computeSeconds() * p.gpus() * peak;
        }
        return computeGpuSeconds > 0 ? modelFlops / peakFlopSeconds : Double.NaN;
    }
}
