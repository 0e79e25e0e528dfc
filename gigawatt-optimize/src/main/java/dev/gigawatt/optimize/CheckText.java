package dev.gigawatt.optimize;

import java.util.List;
import java.util.Locale;

/** The check by simulation in words: each round's goals met, what it missed and what it tightened. */
public final class CheckText {
    private CheckText() {}

    /** The section for {@code checked}, ending with a newline; one line when nothing was simulated. */
    public static String section(Checked checked) {
        if (checked.maxRounds() == 0) {
            return "Not checked by simulation (--rounds 0).\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Checked by simulation (gigawatt simulate on the plan, seed %d, replication 0, %s scheduler;"
                        + " at most %d round%s)%n",
                checked.seed(),
                checked.scheduler(),
                checked.maxRounds(),
                checked.maxRounds() == 1 ? "" : "s"));
        for (Round r : checked.rounds()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  round %d: %d of %d training deadlines met, %d of %d services served every hour%s%n",
                    r.number(),
                    r.met("training"),
                    r.count("training"),
                    r.met("inference"),
                    r.count("inference"),
                    r.tightenings().isEmpty() ? "" : "; tightened:"));
            r.goals().stream()
                    .filter(g -> !g.met())
                    .forEach(g -> out.append("    missed: ").append(g.words()).append('\n'));
            r.tightenings().forEach(t -> out.append("    - ").append(t.words()).append('\n'));
            if (!r.conflicts().isEmpty()) {
                out.append("    the tightened problem has no plan, so this round's plan stands:\n");
                r.conflicts().forEach(c -> out.append("      - ").append(c).append('\n'));
            }
        }
        out.append(verdict(checked)).append('\n');
        return out.toString();
    }

    /** One sentence: whether the final plan met every goal in simulation, and in how many rounds. */
    public static String verdict(Checked checked) {
        List<Round> rounds = checked.rounds();
        Round last = rounds.get(rounds.size() - 1);
        if (last.met()) {
            return rounds.size() == 1
                    ? "The plan met every goal in simulation in round 1: nothing was tightened."
                    : String.format(
                            Locale.ROOT,
                            "The plan met every goal in simulation in round %d of at most %d.",
                            rounds.size(),
                            checked.maxRounds());
        }
        long missed = last.goals().stream().filter(g -> !g.met()).count();
        return String.format(
                Locale.ROOT,
                "The plan written missed %d goal%s in simulation in its round %d of at most %d%s.",
                missed,
                missed == 1 ? "" : "s",
                last.number(),
                checked.maxRounds(),
                last.conflicts().isEmpty() ? " (raise --rounds to tighten further)" : "");
    }
}
