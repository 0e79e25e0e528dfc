package dev.gigawatt.optimize;

/**
 * How far one limit must give, or which workload must go, for an infeasible build-out to have a plan:
 * a slack the elastic program uses.
 *
 * @param kind as in {@link Ledger.Check#kind()}
 * @param limit the limit as given, in {@code unit}
 * @param excess how much more the plan needs, in {@code unit} (for a workload, 1 when it cannot be placed)
 */
public record Relaxation(String kind, String what, double limit, double excess, String unit) {}
