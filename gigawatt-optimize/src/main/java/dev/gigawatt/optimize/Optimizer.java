package dev.gigawatt.optimize;

import dev.gigawatt.input.Amounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Solves a build-out: the cheapest plan that meets every constraint, or which constraints conflict. */
public final class Optimizer {
    private Optimizer() {}

    /** Solves {@code p}. */
    public static Outcome solve(BuildOut p) {
        List<String> conflicts = new ArrayList<>();
        for (BuildOut.Job job : p.jobs()) {
            if (job.options().isEmpty()) {
                conflicts.add(
                        "training '" + job.name() + "' cannot finish by " + job.deadline() + ": " + job.fastest());
            }
        }
        for (BuildOut.Service service : p.services()) {
            if (service.options().isEmpty()) {
                conflicts.add("inference '" + service.name()
                        + "' has no accelerator and site where a layout meets its latency objectives");
            }
        }
        MipSolver.Answer answer = conflicts.isEmpty() ? new MipSolver(p, false).solve() : null;
        if (answer != null && answer.found()) {
            List<Ledger.Check> violations = Ledger.violations(p, answer.decisions());
            if (!violations.isEmpty()) {
                throw new IllegalStateException("the solver's plan breaks " + violations);
            }
            return new Outcome(
                    p,
                    answer.decisions(),
                    Costs.of(p, answer.decisions()),
                    answer.optimal(),
                    answer.gap(),
                    answer.seconds(),
                    List.of());
        }
        double seconds = answer == null ? 0 : answer.seconds();
        if (conflicts.isEmpty()) {
            MipSolver.Answer elastic = new MipSolver(p, true).solve();
            seconds += elastic.seconds();
            List<Relaxation> dropped = elastic.relaxations().stream()
                    .filter(r -> r.kind().equals("workload"))
                    .toList();
            for (Relaxation r : elastic.relaxations()) {
                conflicts.add(words(r));
            }
            if (!dropped.isEmpty()) {
                // Dropping a workload was the least relaxation; say what placing every one would take.
                MipSolver.Answer placing = MipSolver.placingAll(p).solve();
                seconds += placing.seconds();
                if (placing.found()) {
                    String prefix = dropped.size() == 1 ? "to place it, " : "to place them all, ";
                    for (Relaxation r : placing.relaxations()) {
                        conflicts.add(prefix + words(r));
                    }
                } else {
                    conflicts.add("no relaxation of the limits would place " + (dropped.size() == 1 ? "it" : "them")
                            + ": its options need more accelerators than the fixed fleet has, of types, at sites or"
                            + " in quarters where none can be bought");
                }
            }
            if (!conflicts.isEmpty() && !elastic.optimal()) {
                conflicts.add(
                        "(the search for the least relaxation stopped at the time limit: a smaller one may exist)");
            }
            if (conflicts.isEmpty()) {
                conflicts.add("the solver found no plan within the time limit of "
                        + String.format(Locale.ROOT, "%.0f s", p.timeLimitSeconds())
                        + " and could not prove there is none; raise optimize.timeLimit");
            }
        }
        return new Outcome(p, null, null, false, Double.NaN, seconds, conflicts);
    }

    /** One relaxation in words: "grid capacity at richland in 2027-Q1 would need 120 MW more than its 1,000 MW". */
    static String words(Relaxation r) {
        return switch (r.kind()) {
            case "workload" -> r.what() + " cannot be placed within the other limits";
            case "vendor" ->
                r.what() + " would have to be " + Amounts.count(Math.round(r.excess())) + " accelerators larger";
            default ->
                r.what() + " would need " + amount(r.excess(), r.unit()) + " more than its "
                        + amount(r.limit(), r.unit())
                        + (pct(r) >= 100
                                ? String.format(Locale.ROOT, " (+%,.0f%%)", pct(r))
                                : String.format(Locale.ROOT, " (+%.1f%%)", pct(r)));
        };
    }

    private static double pct(Relaxation r) {
        return r.limit() > 0 ? 100 * r.excess() / r.limit() : 100;
    }

    static String amount(double value, String unit) {
        return switch (unit) {
            case "$M" -> String.format(Locale.ROOT, "$%,.2fB", value / 1e3);
            case "MW" -> String.format(Locale.ROOT, "%,.1f MW", value);
            case "t" -> String.format(Locale.ROOT, "%,.0f tCO2e", value);
            default -> String.format(Locale.ROOT, "%,.0f %s", value, unit).strip();
        };
    }
}
