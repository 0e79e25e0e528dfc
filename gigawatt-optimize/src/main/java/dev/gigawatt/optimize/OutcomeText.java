package dev.gigawatt.optimize;

import dev.gigawatt.report.TextTable;
import java.util.Arrays;
import java.util.Locale;

/** The optimiser's answer as text: decisions, objective and its parts, binding constraints, or the conflicts. */
public final class OutcomeText {
    private OutcomeText() {}

    /** The report for {@code outcome} of the scenario named {@code name}, with its {@code sensitivity}, not simulated. */
    public static String table(String name, Outcome outcome, Sensitivity sensitivity) {
        return table(name, Checked.unchecked(outcome), sensitivity);
    }

    /** The report for {@code checked}'s plan of the scenario named {@code name}, with its {@code sensitivity}. */
    public static String table(String name, Checked checked, Sensitivity sensitivity) {
        Outcome outcome = checked.outcome();
        BuildOut p = outcome.problem();
        StringBuilder out = new StringBuilder();
        out.append(name)
                .append("  (")
                .append(p.quarters().get(0).start())
                .append(" to ")
                .append(p.quarters().get(p.quarters().size() - 1).end())
                .append("), objective ")
                .append(p.objective())
                .append('\n');
        if (!outcome.feasible()) {
            out.append("No plan meets every constraint. The least that would have to give:\n");
            outcome.conflicts().forEach(c -> out.append("  - ").append(c).append('\n'));
            return out.toString();
        }
        Costs c = outcome.costs();
        Decisions d = outcome.decisions();
        out.append(String.format(
                Locale.ROOT,
                "%s: %s accelerators bought, capacity steps built: %d; TCO over the horizon %s"
                        + " (accelerators %s, facility %s); capex %s (accelerators %s, facility %s).%n",
                outcome.optimal() ? "Optimal" : "Best found",
                count(d.totalBought()),
                Arrays.stream(d.stepQuarter()).filter(q -> q >= 0).count(),
                usd(c.tcoUsd()),
                usd(c.acceleratorTcoUsd()),
                usd(c.facilityTcoUsd()),
                usd(c.capexUsd()),
                usd(c.acceleratorCapexUsd()),
                usd(c.facilityCapexUsd())));
        if ("npv".equals(p.objective())) {
            out.append(String.format(
                    Locale.ROOT,
                    "NPV %s at %s: the services' revenue %s over %.1f years, less %s for what is bought and built"
                            + " (capex, opex over the same years, residual book value; discounted at %.1f%%).%n",
                    usd(c.npvUsd()),
                    p.quarters().get(0).start(),
                    usd(p.npv().revenueUsd()),
                    p.npv().years(),
                    usd(p.npv().revenueUsd() - c.npvUsd()),
                    100 * p.npv().rate()));
        }
        out.append("\nAccelerators bought\n").append(bought(p, d).render());
        TextTable steps = new TextTable("step", "site", "power MW", "energised", "capex");
        steps.leftAlign(0, 1);
        for (int k = 0; k < p.steps().size(); k++) {
            BuildOut.Step step = p.steps().get(k);
            if (d.stepQuarter()[k] >= 0) {
                steps.row(
                        step.name(),
                        p.sites().get(step.site()).name(),
                        String.format(Locale.ROOT, "%,.0f", step.powerWatts() / 1e6),
                        p.quarters().get(d.stepQuarter()[k]).start().toString(),
                        usd(step.costUsd()));
            }
        }
        out.append("\nCapacity steps built\n").append(steps.isEmpty() ? "none\n" : steps.render());
        out.append("\nWorkloads\n").append(workloads(p, d).render());
        out.append("\nBinding constraints (at least 99.5% used)\n");
        if (outcome.binding().isEmpty()) {
            out.append("none\n");
        }
        for (Ledger.Check b : outcome.binding()) {
            out.append("  - ")
                    .append(b.what())
                    .append(": ")
                    .append(amount(b.used(), b.unit()))
                    .append(" of ")
                    .append(amount(b.limit(), b.unit()))
                    .append(String.format(Locale.ROOT, " (%.1f%%)%n", 100 * b.used() / b.limit()));
        }
        out.append(
                "\nWhat one more unit of a limit is worth (shadow prices, every workload and step kept where it is)\n");
        if (sensitivity.shadowPrices().isEmpty()) {
            out.append("none: no limit has a price\n");
        }
        sensitivity.shadowPrices().forEach(sp -> out.append("  - ")
                .append(sp.words(p.objective()))
                .append('\n'));
        out.append(String.format(
                Locale.ROOT,
                "%nPrice sensitivity (one candidate's price %.0f%% higher if bought, lower if not; solved again)%n",
                100 * Sensitivity.PRICE_STEP));
        sensitivity.priceChanges().forEach(pc -> out.append("  - ")
                .append(pc.words(p.objective()))
                .append('\n'));
        out.append(String.format(
                Locale.ROOT,
                "%nSolver: SCIP (OR-Tools), one thread, %s (time limit %.0f s).%n",
                outcome.optimal()
                        ? String.format(Locale.ROOT, "optimal within %.1f%% of the best bound", 100 * MipSolver.GAP)
                        : String.format(
                                Locale.ROOT,
                                "stopped at the time limit %.2f%% from the best bound",
                                100 * outcome.gap()),
                p.timeLimitSeconds()));
        if (!checked.rounds().isEmpty() || checked.maxRounds() == 0) {
            out.append('\n').append(CheckText.section(checked));
        }
        return out.toString();
    }

    private static TextTable bought(BuildOut p, Decisions d) {
        TextTable table = new TextTable("quarter", "site", "accelerator", "count", "capex", "facility MW");
        table.leftAlign(0, 1, 2);
        for (int q = 0; q < p.quarters().size(); q++) {
            for (int s = 0; s < p.sites().size(); s++) {
                for (int t = 0; t < p.types().size(); t++) {
                    long n = d.bought()[t][s][q];
                    if (n > 0) {
                        table.row(
                                p.quarters().get(q).label(),
                                p.sites().get(s).name(),
                                p.types().get(t).name(),
                                count(n),
                                usd(n * p.types().get(t).itCapexUsd()),
                                String.format(Locale.ROOT, "%,.0f", n * p.facilityWatts()[t][s] / 1e6));
                    }
                }
            }
        }
        return table;
    }

    private static TextTable workloads(BuildOut p, Decisions d) {
        TextTable table =
                new TextTable("workload", "kind", "accelerator", "site", "start", "end", "deadline", "accelerators");
        table.leftAlign(0, 1, 2, 3);
        for (int j = 0; j < p.jobs().size(); j++) {
            BuildOut.Job job = p.jobs().get(j);
            BuildOut.JobOption o = job.options().get(d.jobOption()[j]);
            table.row(
                    job.name(),
                    "training",
                    p.types().get(o.type()).name(),
                    p.sites().get(o.site()).name(),
                    p.quarters().get(o.startQuarter()).start().toString(),
                    o.end().toString(),
                    job.deadline().toString(),
                    count(job.accelerators()));
        }
        int last = p.quarters().size() - 1;
        for (int i = 0; i < p.services().size(); i++) {
            BuildOut.Service service = p.services().get(i);
            BuildOut.ServiceOption o = service.options().get(d.serviceOption()[i]);
            table.row(
                    service.name(),
                    "inference",
                    p.types().get(o.type()).name(),
                    p.sites().get(o.site()).name(),
                    "",
                    "",
                    "",
                    count(o.accelerators()[last]) + " at the end");
        }
        return table;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String usd(double value) {
        double a = Math.abs(value);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "$%.2fB", value / 1e9);
        }
        return a >= 1e6
                ? String.format(Locale.ROOT, "$%.1fM", value / 1e6)
                : String.format(Locale.ROOT, "$%,.0f", value);
    }

    private static String amount(double value, String unit) {
        return "USD".equals(unit) ? usd(value) : Optimizer.amount(value, unit);
    }
}
