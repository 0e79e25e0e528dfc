package dev.gigawatt.plan;

import java.util.List;

/**
 * The planner's answer for one training job.
 *
 * @param flops total training FLOPs (6·N·D plus attention)
 * @param gpus accelerators in the job
 * @param wallClockDays expected wall-clock time including failures and checkpoints, days
 * @param gpuHours accelerator-hours including time lost to failures and checkpoints
 * @param ettr effective training time ratio, 0..1
 * @param mfu model FLOPs utilisation used, FLOP-weighted over the phases, 0..1
 * @param throughput where the MFU comes from for the phase with the most tokens: the step-time model's
 *     layout, step time and shares, or the scenario's override
 * @param phases the plan of each phase (one for a job without phases)
 * @param computeSeconds time the job computes if nothing fails, s
 * @param jobMtbfHours mean time between job interruptions, h
 * @param checkpointIntervalMinutes compute time between checkpoints, min
 * @param checkpointWriteSeconds time to write one checkpoint, s
 * @param restartMinutes time from a failure until the job computes again (grows with its size), min
 * @param expectedInterruptions interruptions expected over the run
 * @param energyMwh facility energy, physical basis (servers at their measured busy draw while computing, near idle
 *     while writing checkpoints or restarting, hosts included, × PUE), MWh
 * @param co2eTonnesLocation location-based emissions, physical basis, tCO2e
 * @param co2eTonnesMarket market-based emissions, physical basis, tCO2e
 * @param costUsd accelerator-hours priced at the fleet's full cost per accelerator-hour, USD
 * @param disclosureEnergyMwh energy on the model-card disclosure basis (accelerator TDP × PUE), MWh
 * @param disclosureCo2eTonnes location-based emissions on the model-card disclosure basis, tCO2e
 */
public record TrainingPlan(
        String name,
        String model,
        String accelerator,
        String site,
        double flops,
        long gpus,
        double wallClockDays,
        double gpuHours,
        double ettr,
        double mfu,
        TrainingThroughput throughput,
        List<PhasePlan> phases,
        double computeSeconds,
        double jobMtbfHours,
        double checkpointIntervalMinutes,
        double checkpointWriteSeconds,
        double restartMinutes,
        double expectedInterruptions,
        double energyMwh,
        double co2eTonnesLocation,
        double co2eTonnesMarket,
        double costUsd,
        double disclosureEnergyMwh,
        double disclosureCo2eTonnes) {}
