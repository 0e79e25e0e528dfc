package dev.gigawatt.plan;

import dev.gigawatt.catalog.Precision;
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
import java.util.Comparator;
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
                .max(Comparator.comparingDouble(PhasePlan::tokens))
                .orElseThrow();
        TrainingThroughput throughput = main.throughput();
        double mfu = mfu(job, phases, computeGpuSeconds);

        Reliability reliability = economics.scenario().reliability();
        double rate = reliability.failuresPerAcceleratorHour(
                job.accelerator(), economics.scenario().catalog());
        double checkpointSeconds = job.checkpointBytes() / job.checkpointWriteBytesPerSecond();
        // Each phase fails, checkpoints and restarts at its own size (the simulator runs phases of
        // different sizes as a chain of jobs); the job's figures below are those of its full size.
        double wallSeconds = 0;
        double heldGpuSeconds = 0;
        double stalledGpuSeconds = 0;
        double interruptions = 0;
        for (PhasePlan p : phases) {
            double phaseMtbf = ReliabilityModel.jobMtbfSeconds(p.gpus(), rate);
            double phaseEttr = ReliabilityModel.ettr(
                    checkpointInterval(job, checkpointSeconds, phaseMtbf),
                    checkpointSeconds,
                    reliability.restartSeconds(p.gpus()),
                    phaseMtbf);
            double phaseInterval = checkpointInterval(job, checkpointSeconds, phaseMtbf);
            double phaseWall = p.computeSeconds() / phaseEttr;
            wallSeconds += phaseWall;
            heldGpuSeconds += phaseWall * p.gpus();
            interruptions += phaseWall / phaseMtbf;
            stalledGpuSeconds += p.gpus()
                    * stalledSeconds(
                            p.computeSeconds(),
                            phaseWall,
                            phaseInterval,
                            checkpointSeconds,
                            reliability.restartSeconds(p.gpus()),
                            phaseMtbf);
        }
        double mtbf = ReliabilityModel.jobMtbfSeconds(job.gpus(), rate);
        double interval = checkpointInterval(job, checkpointSeconds, mtbf);
        double restartSeconds = reliability.restartSeconds(job.gpus());
        double ettr = computeSeconds / wallSeconds;
        double gpuHours = Units.hours(heldGpuSeconds);

        Deployment unit = PlanSupport.unitDeployment(job.accelerator(), job.gpus(), site.name(), economics);
        double busyWatts = Economics.itWatts(unit, 1);
        double idleWatts = Economics.itWatts(unit, 0);
        TrainingCarbon carbon = TrainingCarbon.of(
                gpuHours,
                Units.hours(stalledGpuSeconds),
                busyWatts,
                idleWatts + Economics.STALL_DYNAMIC_SHARE * (busyWatts - idleWatts),
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
                interruptions,
                carbon.energyMwh(),
                carbon.co2eTonnesLocation(),
                carbon.co2eTonnesMarket(),
                cost,
                carbon.disclosureEnergyMwh(),
                carbon.disclosureCo2eTonnes());
    }

    /**
     * Expected time of a phase spent stalled rather than computing, s: one checkpoint write per interval
     * of useful compute, and a restart per failure over the phase's wall time (the rest of the wall time
     * beyond the useful compute is lost work redone, at the busy draw). Never more than the time beyond
     * the useful compute.
     */
    static double stalledSeconds(
            double computeSeconds,
            double wallSeconds,
            double intervalSeconds,
            double checkpointSeconds,
            double restartSeconds,
            double mtbfSeconds) {
        double writes = computeSeconds / intervalSeconds * checkpointSeconds;
        double restarts = wallSeconds / mtbfSeconds * restartSeconds;
        return Math.min(Math.max(0, wallSeconds - computeSeconds), writes + restarts);
    }

    /** The job's checkpoint interval at a job MTBF: Daly's optimum unless the job fixes it, s. */
    private static double checkpointInterval(TrainingJob job, double checkpointSeconds, double mtbfSeconds) {
        return Double.isNaN(job.checkpointIntervalSeconds())
                ? ReliabilityModel.dalyIntervalSeconds(checkpointSeconds, mtbfSeconds)
                : job.checkpointIntervalSeconds();
    }

    /** FLOP-weighted MFU over the phases: the job's FLOPs over its accelerator-seconds at peak. */
    private static double mfu(TrainingJob job, List<PhasePlan> phases, double computeGpuSeconds) {
        double peakFlopSeconds = 0;
        double modelFlops = 0;
        for (PhasePlan p : phases) {
            double peak = job.accelerator().peakFlops(Precision.fromKey(p.precision()));
            peakFlopSeconds += p.computeSeconds() * p.gpus() * peak;
            modelFlops += p.throughput().mfu() * p.computeSeconds() * p.gpus() * peak;
        }
        return computeGpuSeconds > 0 ? modelFlops / peakFlopSeconds : Double.NaN;
    }
}
