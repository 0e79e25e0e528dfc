package dev.gigawatt.optimize;

import dev.gigawatt.units.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every constraint of a build-out evaluated on a set of decisions: what is used against what is
 * allowed. One place the solver's answer is checked against, the binding constraints are read from,
 * and tests compare with.
 */
public final class Ledger {
    /** Relative tolerance of a check: the solver's own feasibility tolerance is far tighter. */
    static final double TOLERANCE = 1e-9;

    private Ledger() {}

    /**
     * One constraint's use.
     *
     * @param kind {@code accelerators}, {@code power}, {@code deliveries}, {@code budget}, {@code co2e},
     *     {@code vendor} or {@code workload}
     * @param used what the decisions use, in {@code unit}
     * @param limit what is allowed, in {@code unit}
     */
    public record Check(String kind, String what, double used, double limit, String unit) {
        /** True when the decisions use more than allowed. */
        public boolean violated() {
            return used > limit + TOLERANCE * Math.max(1, Math.abs(limit));
        }

        /** True when at least 99.5% of a positive limit is used. */
        public boolean binding() {
            return limit > 0 && used >= limit * 0.995;
        }
    }

    /** Every check of {@code d} against {@code p}. */
    public static List<Check> checks(BuildOut p, Decisions d) {
        List<Check> out = new ArrayList<>();
        int types = p.types().size();
        int sites = p.sites().size();
        int quarters = p.quarters().size();
        for (int j = 0; j < p.jobs().size(); j++) {
            BuildOut.Job job = p.jobs().get(j);
            int o = d.jobOption()[j];
            out.add(new Check(
                    "workload",
                    "training '" + job.name() + "' placed by " + job.deadline(),
                    o < 0 || p.jobs().get(j).options().get(o).end().isAfter(job.deadline()) ? 1 : 0,
                    0,
                    ""));
        }
        for (int i = 0; i < p.services().size(); i++) {
            out.add(new Check(
                    "workload",
                    "inference '" + p.services().get(i).name() + "' placed",
                    d.serviceOption()[i] < 0 ? 1 : 0,
                    0,
                    ""));
        }
        for (int t = 0; t < types; t++) {
            for (int s = 0; s < sites; s++) {
                for (int q = 0; q < quarters; q++) {
                    long held = held(p, d, t, s, q);
                    if (held > 0) {
                        out.add(new Check(
                                "accelerators",
                                p.types().get(t).name() + " at "
                                        + p.sites().get(s).name() + " in "
                                        + p.quarters().get(q).label(),
                                held,
                                d.inService(p, t, s, q),
                                "accelerators"));
                    }
                }
            }
        }
        for (int s = 0; s < sites; s++) {
            for (int q = 0; q < quarters; q++) {
                double watts = 0;
                for (int t = 0; t < types; t++) {
                    watts += d.drawing(p, t, s, q) * p.facilityWatts()[t][s];
                }
                double capacity = p.sites().get(s).capacityWatts()[q] + d.stepWatts(p, s, q);
                if (watts > 0 || capacity > 0) {
                    out.add(new Check(
                            "power",
                            "grid capacity at " + p.sites().get(s).name() + " in "
                                    + p.quarters().get(q).label(),
                            Units.megawatts(watts),
                            Units.megawatts(capacity),
                            "MW"));
                }
            }
        }
        for (int t = 0; t < types; t++) {
            BuildOut.Kind kind = p.types().get(t);
            for (int q = 0; q < quarters; q++) {
                long n = 0;
                for (int s = 0; s < sites; s++) {
                    n += d.bought()[t][s][q];
                }
                if (n > 0 && (!kind.buyable() || q < kind.firstQuarter())) {
                    out.add(new Check(
                            "deliveries",
                            kind.name() + " deliveries in "
                                    + p.quarters().get(q).label(),
                            n,
                            0,
                            "accelerators"));
                } else if (kind.deliveriesPerQuarter() > 0) {
                    out.add(new Check(
                            "deliveries",
                            kind.name() + " deliveries in "
                                    + p.quarters().get(q).label(),
                            n,
                            kind.deliveriesPerQuarter(),
                            "accelerators"));
                }
            }
        }
        for (int b = 0; b < p.budgets().size(); b++) {
            BuildOut.Budget budget = p.budgets().get(b);
            out.add(new Check("budget", "capex budget of " + budget.year(), spendUsd(p, d, b), budget.usd(), "USD"));
        }
        if (!Double.isNaN(p.maxCo2eKg())) {
            out.add(new Check(
                    "co2e", "market-based CO2e over the horizon", co2eKg(p, d) / 1000, p.maxCo2eKg() / 1000, "t"));
        }
        if (!Double.isNaN(p.maxVendorShare())) {
            long total = d.totalBought();
            for (Map.Entry<String, Long> e : boughtByVendor(p, d).entrySet()) {
                out.add(new Check(
                        "vendor",
                        e.getKey() + "'s share of accelerators bought",
                        e.getValue(),
                        p.maxVendorShare() * total,
                        "accelerators"));
            }
        }
        return out;
    }

    /** The checks {@code d} fails. */
    public static List<Check> violations(BuildOut p, Decisions d) {
        return checks(p, d).stream().filter(Check::violated).toList();
    }

    /** Accelerators of type {@code t} at site {@code s} that the chosen workloads hold in quarter {@code q}. */
    static long held(BuildOut p, Decisions d, int t, int s, int q) {
        long n = 0;
        for (int j = 0; j < p.jobs().size(); j++) {
            int o = d.jobOption()[j];
            if (o >= 0) {
                BuildOut.JobOption option = p.jobs().get(j).options().get(o);
                if (option.type() == t && option.site() == s && q >= option.startQuarter() && q < option.endQuarter()) {
                    n += p.jobs().get(j).accelerators();
                }
            }
        }
        for (int i = 0; i < p.services().size(); i++) {
            int o = d.serviceOption()[i];
            if (o >= 0) {
                BuildOut.ServiceOption option = p.services().get(i).options().get(o);
                if (option.type() == t && option.site() == s) {
                    n += option.accelerators()[q];
                }
            }
        }
        return n;
    }

    /** Capex that falls in budget {@code b}'s year: accelerators bought that year and steps' construction. */
    static double spendUsd(BuildOut p, Decisions d, int b) {
        int year = p.budgets().get(b).year();
        double usd = 0;
        for (int t = 0; t < p.types().size(); t++) {
            for (int s = 0; s < p.sites().size(); s++) {
                for (int q = 0; q < p.quarters().size(); q++) {
                    if (p.quarters().get(q).start().getYear() == year) {
                        usd += d.bought()[t][s][q] * p.types().get(t).itCapexUsd();
                    }
                }
            }
        }
        for (int k = 0; k < p.steps().size(); k++) {
            if (d.stepQuarter()[k] >= 0) {
                BuildOut.Step step = p.steps().get(k);
                usd += step.costUsd() * step.spendShare()[d.stepQuarter()[k]][b];
            }
        }
        return usd;
    }

    /** Market-based operational emissions of the whole fleet over the horizon, kg. */
    static double co2eKg(BuildOut p, Decisions d) {
        double kg = 0;
        for (int t = 0; t < p.types().size(); t++) {
            for (int s = 0; s < p.sites().size(); s++) {
                for (int q = 0; q < p.quarters().size(); q++) {
                    kg += d.drawing(p, t, s, q)
                            * p.co2eKgPerYear()[t][s]
                            * p.quarters().get(q).years();
                }
            }
        }
        return kg;
    }

    /** Accelerators bought per vendor, in the order the types are listed. */
    static Map<String, Long> boughtByVendor(BuildOut p, Decisions d) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int t = 0; t < p.types().size(); t++) {
            if (!p.types().get(t).buyable()) {
                continue;
            }
            long n = 0;
            for (long[] perQuarter : d.bought()[t]) {
                for (long x : perQuarter) {
                    n += x;
                }
            }
            out.merge(p.types().get(t).vendor(), n, Long::sum);
        }
        return out;
    }
}
