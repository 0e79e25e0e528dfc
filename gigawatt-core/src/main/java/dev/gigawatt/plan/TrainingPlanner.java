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

    TrainingPlanner(Economics economics) {
        this.economics = economics;
    }

    TrainingPlan plan(TrainingJob job, Site site, double powerFractionOfTdp) {
        var model = job.model();
        double flops = TrainingModel.flops(
                model.activeParameters(), job.tokens(), model.layers(), model.hiddenSize(), job.sequenceLength());
        double peak = job.accelerator().peakFlops(job.precision());
        double computeSeconds = TrainingModel.computeSeconds(flops, job.gpus(), peak, job.mfu());

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
        TrainingCarbon carbon = TrainingCarbon.of(
                gpuHours,
                Economics.itWatts(unit, 1),
                job.accelerator().tdpWatts() * powerFractionOfTdp,
                site.meanPue(),
                site.grid().carbonIntensityGramsPerKwh(),
                site.renewableShare());
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
                job.mfu(),
                Units.hours(mtbf),
                interval / 60,
                checkpointSeconds,
                wallSeconds / mtbf,
                carbon.energyMwh(),
                carbon.co2eTonnesLocation(),
                carbon.co2eTonnesMarket(),
                cost,
                carbon.disclosureEnergyMwh(),
                carbon.disclosureCo2eTonnes());
    }
}
