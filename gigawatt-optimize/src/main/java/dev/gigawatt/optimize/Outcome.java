package dev.gigawatt.optimize;

import java.util.List;

/**
 * What the optimiser answers: the decisions and their cost, or, when no plan meets every constraint,
 * why not in words.
 *
 * @param decisions the chosen plan, or null when the problem is infeasible
 * @param costs what the plan commits, or null
 * @param optimal proven optimal; false when the time limit stopped the search with a plan in hand
 * @param gap relative distance of the plan's objective from the solver's best bound (0 when optimal)
 * @param seconds wall-clock time of the solve, s (the only figure that may differ between runs)
 * @param conflicts when infeasible, the constraints that conflict and how far each would have to give
 */
public record Outcome(
        BuildOut problem,
        Decisions decisions,
        Costs costs,
        boolean optimal,
        double gap,
        double seconds,
        List<String> conflicts) {
    public Outcome {
        conflicts = List.copyOf(conflicts);
    }

    /** True when a plan was found. */
    public boolean feasible() {
        return decisions != null;
    }

    /** The constraints the plan uses to at least 99.5% of their limit. */
    public List<Ledger.Check> binding() {
        if (decisions == null) {
            return List.of();
        }
        return Ledger.checks(problem, decisions).stream()
                .filter(c -> !c.kind().equals("accelerators") && !c.kind().equals("workload"))
                .filter(Ledger.Check::binding)
                .toList();
    }
}
