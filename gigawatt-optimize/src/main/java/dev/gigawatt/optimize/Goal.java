package dev.gigawatt.optimize;

/**
 * One goal of the plan as the simulation found it: a training job finished by its deadline, or an
 * inference service served every hour's demand.
 *
 * @param kind {@code training} or {@code inference}
 * @param workload the job's or service's name
 * @param met whether the simulation met it
 * @param words what the simulation measured, in words
 */
public record Goal(String kind, String workload, boolean met, String words) {}
