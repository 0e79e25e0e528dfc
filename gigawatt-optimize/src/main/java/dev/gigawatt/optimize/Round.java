package dev.gigawatt.optimize;

import java.util.List;

/**
 * One round of the check by simulation: the plan solved in it, simulated, the goals it met or missed,
 * and what was tightened for the next round.
 *
 * @param number 1 for the first plan
 * @param goals every training deadline and service, as simulated
 * @param tightenings what the next round was solved with (empty when every goal was met or no round
 *     was left)
 * @param conflicts when the tightened problem has no plan, why (the round's plan then stands)
 */
public record Round(int number, List<Goal> goals, List<Tightening> tightenings, List<String> conflicts) {
    public Round {
        goals = List.copyOf(goals);
        tightenings = List.copyOf(tightenings);
        conflicts = List.copyOf(conflicts);
    }

    /** True when the simulation met every goal. */
    public boolean met() {
        return goals.stream().allMatch(Goal::met);
    }

    /** Goals of {@code kind} met. */
    public long met(String kind) {
        return goals.stream().filter(g -> g.kind().equals(kind) && g.met()).count();
    }

    /** Goals of {@code kind}. */
    public long count(String kind) {
        return goals.stream().filter(g -> g.kind().equals(kind)).count();
    }
}
