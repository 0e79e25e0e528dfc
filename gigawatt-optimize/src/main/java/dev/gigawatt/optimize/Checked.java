package dev.gigawatt.optimize;

import java.util.List;

/**
 * The optimiser's answer checked by simulation: the plan that stands after the last round, and what
 * each round found and tightened.
 *
 * @param outcome the last plan solved and simulated (or the first solve's answer when nothing was simulated)
 * @param maxRounds the most rounds allowed; 0 when the check was skipped
 * @param rounds the rounds simulated, empty when the check was skipped or the problem has no plan
 * @param seed the scenario's seed the simulations ran with (replication 0)
 * @param scheduler the training scheduler they ran with
 */
public record Checked(Outcome outcome, int maxRounds, List<Round> rounds, long seed, String scheduler) {
    public Checked {
        rounds = List.copyOf(rounds);
    }

    /** The answer of a solve not checked by simulation. */
    public static Checked unchecked(Outcome outcome) {
        return new Checked(outcome, 0, List.of(), 0, "");
    }

    /** True when the plan was simulated and its last round met every goal. */
    public boolean met() {
        return !rounds.isEmpty() && rounds.get(rounds.size() - 1).met();
    }
}
