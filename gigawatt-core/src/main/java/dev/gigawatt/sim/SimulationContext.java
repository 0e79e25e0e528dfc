package dev.gigawatt.sim;

import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.Scenario;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link Training}, {@link Serving} and {@link JobFactory} see of a running simulation: its clock
 * and horizon, the scenario with its plan, the pools, the random streams, and the two ways they change
 * the run, queueing an event and sending accelerators to repair. The event loop, the power model and
 * the hourly integration stay behind it, in {@link FleetSimulator}'s run, its one implementation.
 */
interface SimulationContext {
    /** The current simulated time, seconds from the horizon's start. */
    double now();

    /** The horizon's length in hours. */
    int hours();

    /** The horizon's end, seconds from its start; nothing at or after it is simulated. */
    double endSeconds();

    Scenario scenario();

    SimulationOptions options();

    /** The plan of the scenario's explicit training job {@code job} (its index in {@code training}). */
    TrainingPlan trainingPlan(int job);

    /** The plan of the scenario's inference service {@code service} (its index in {@code inference}). */
    InferencePlan inferencePlan(int service);

    /** The run's named random streams. */
    RandomStreams streams();

    /** Every pool (a site's accelerators of one type), by index. */
    List<Pool> pools();

    /** The pool of {@code accelerator} at {@code site}, or null when the fleet has none there. */
    Pool pool(String site, String accelerator);

    /** The hourly series of the site with this index, for what the caller records per hour. */
    SiteSeries series(int site);

    /** Seconds from the horizon's start to {@code date}'s midnight (negative before it). */
    double secondsSinceStart(LocalDate date);

    /** Queues an event of {@code kind} (one of {@link FleetSimulator}'s kinds) with its two arguments. */
    void schedule(double timeSeconds, int kind, int first, int second);

    /** Takes {@code count} accelerators of {@code pool} out of service, back after one repair time. */
    void sendToRepair(Pool pool, int count);
}
