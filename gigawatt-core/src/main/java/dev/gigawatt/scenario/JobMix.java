package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import java.time.LocalDate;

/**
 * A generated stream of training jobs for the simulator: Poisson arrivals, sizes log-uniform over
 * powers of two, compute durations lognormal.
 *
 * @param arrivalsPerDay mean job arrivals per day
 * @param minAccelerators smallest job, accelerators (rounded to a power of two)
 * @param maxAccelerators largest job, accelerators (rounded to a power of two)
 * @param medianDurationSeconds median compute time of a job without failures, s
 * @param durationSpread standard deviation of the log of the duration (lognormal sigma)
 * @param priority scheduling priority of every job in the mix
 * @param checkpointWriteSeconds time to write one checkpoint, s
 * @param start first day jobs arrive
 * @param preemptible whether the jobs may run on serving capacity lent in the daily trough (and be preempted)
 */
public record JobMix(
        String name,
        String site,
        Accelerator accelerator,
        double arrivalsPerDay,
        long minAccelerators,
        long maxAccelerators,
        double medianDurationSeconds,
        double durationSpread,
        int priority,
        double checkpointWriteSeconds,
        LocalDate start,
        boolean preemptible) {}
