package dev.gigawatt.plan;

import dev.gigawatt.model.ReliabilityModel;
import dev.gigawatt.model.TrainingModel;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Reliability;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.scenario.TrainingJob;
import dev.gigawatt.units.Units;

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
        double flops = TrainingModel.flops(
                model.activeParameters(), job.tokens(), model.layers(), model.hiddenSize(), job.sequenceLength());
        TrainingThroughput throughput = steps.throughput(job);
        double computeSeconds = job.tokens() / (throughput.tokensPerSecondPerAccelerator() * job.gpus());

        Reliability reliability = economics.scenario().reliability();
        double mtbf = ReliabilityModel.jobMtbfSeconds(job.gpus(), reliability.failuresPerAcceleratorHour());
        double checkpointSeconds = job.checkpointBytes() / job.checkpointWriteBytesPerSecond();
        double interval = Double.isNaN(job.checkpointIntervalSeconds())
                ? ReliabilityModel.dalyIntervalSeconds(checkpointSeconds, mtbf)
                : job.checkpointIntervalSeconds();
        double ettr = ReliabilityModel.ettr(interval, checkpointSeconds, reliability.restartOverheadSeconds(), mtbf);
        double wallSeconds = computeSeconds / ettr;
        double gpuHours = job.gpus() * Units.hours(wallSeconds);

        Deployment unit = PlanSupport.unitDeployment(job.accelerator(), job.gpus(), site.name(), economics);
        double itWatts = Economics.itWatts(unit, powerFractionOfTdp);
        double energyWh = gpuHours * itWatts * site.meanPue();
        double co2eKg = Units.co2eKg(energyWh, site.grid().carbonIntensityGramsPerKwh());
        double cost = gpuHours * economics.usdPerAcceleratorHour(unit, site, powerFractionOfTdp);
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
                throughput.mfu(),
                throughput,
                computeSeconds,
                Units.hours(mtbf),
                interval / 60,
                checkpointSeconds,
                wallSeconds / mtbf,
                Units.megawattHours(energyWh),
                Units.tonnes(co2eKg),
                Units.tonnes(co2eKg * (1 - site.renewableShare())),
                cost);
    }
}
