package dev.gigawatt.optimize;

/**
 * One constraint made stricter after a simulation round: a training job's runs stretched, or an
 * inference service's accelerators scaled up, on every option of the workload.
 *
 * @param kind {@code training} or {@code inference}
 * @param workload the job's or service's name
 * @param factorBefore the factor on the planner's figure the round's plan was solved with (1 at first)
 * @param factorAfter the factor the next round solves with
 * @param words what was measured and what changes, in words
 */
public record Tightening(String kind, String workload, double factorBefore, double factorAfter, String words) {}
