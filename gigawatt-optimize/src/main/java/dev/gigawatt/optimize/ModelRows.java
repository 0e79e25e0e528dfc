package dev.gigawatt.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import dev.gigawatt.units.Units;
import java.util.LinkedHashSet;
import java.util.Set;

/** The constraint rows of the build-out program (the variables are {@link MipSolver}'s). */
final class ModelRows {
    /** Limits are kept this much (relative) inside, so solver tolerances never show as overruns. */
    private static final double MARGIN = 1e-7;

    private ModelRows() {}

    static void add(MipSolver m) {
        BuildOut p = m.problem();
        accelerators(m, p);
        power(m, p);
        deliveries(m, p);
        budgets(m, p);
        co2e(m, p);
        vendors(m, p);
    }

    /** Workloads hold no more accelerators of a type at a site than are in service there. */
    private static void accelerators(MipSolver m, BuildOut p) {
        MPSolver solver = m.solver();
        for (int t = 0; t < p.types().size(); t++) {
            for (int s = 0; s < p.sites().size(); s++) {
                for (int q = 0; q < p.quarters().size(); q++) {
                    MPConstraint row = solver.makeConstraint(
                            -MPSolver.infinity(), p.fixed()[t][s][q], "held_" + t + "_" + s + "_" + q);
                    for (int j = 0; j < p.jobs().size(); j++) {
                        BuildOut.Job job = p.jobs().get(j);
                        for (int o = 0; o < job.options().size(); o++) {
                            BuildOut.JobOption option = job.options().get(o);
                            if (option.type() == t
                                    && option.site() == s
                                    && q >= option.startQuarter()
                                    && q < option.endQuarter()) {
                                row.setCoefficient(m.y(j, o), job.accelerators());
                            }
                        }
                    }
                    for (int i = 0; i < p.services().size(); i++) {
                        BuildOut.Service service = p.services().get(i);
                        for (int o = 0; o < service.options().size(); o++) {
                            BuildOut.ServiceOption option = service.options().get(o);
                            if (option.type() == t && option.site() == s && option.accelerators()[q] > 0) {
                                row.setCoefficient(m.u(i, o), option.accelerators()[q]);
                            }
                        }
                    }
                    for (int b = 0; b <= q; b++) {
                        if (m.x(t, s, b) != null) {
                            row.setCoefficient(m.x(t, s, b), -1);
                        }
                    }
                }
            }
        }
    }

    /** The peak facility power of what is in service stays within the grid capacity, steps built included. */
    private static void power(MipSolver m, BuildOut p) {
        for (int s = 0; s < p.sites().size(); s++) {
            for (int q = 0; q < p.quarters().size(); q++) {
                double fixedMw = 0;
                for (int t = 0; t < p.types().size(); t++) {
                    fixedMw += MipSolver.power(p.drawing()[t][s][q] * p.facilityWatts()[t][s]);
                }
                double capacityMw = MipSolver.power(p.sites().get(s).capacityWatts()[q]);
                MPConstraint row = m.solver()
                        .makeConstraint(
                                -MPSolver.infinity(), capacityMw * (1 - MARGIN) - fixedMw, "power_" + s + "_" + q);
                for (int t = 0; t < p.types().size(); t++) {
                    for (int b = 0; b <= q; b++) {
                        if (m.x(t, s, b) != null) {
                            row.setCoefficient(m.x(t, s, b), MipSolver.power(p.facilityWatts()[t][s]));
                        }
                    }
                }
                for (int k = 0; k < p.steps().size(); k++) {
                    BuildOut.Step step = p.steps().get(k);
                    for (int b = 0; b <= q && step.site() == s; b++) {
                        if (m.z(k, b) != null) {
                            row.setCoefficient(m.z(k, b), -MipSolver.power(step.powerWatts()) * (1 - MARGIN));
                        }
                    }
                }
                m.limit(
                        row,
                        "power",
                        p.sites().get(s).name(),
                        q,
                        "grid capacity at " + p.sites().get(s).name() + " in "
                                + p.quarters().get(q).label(),
                        Units.megawatts(p.sites().get(s).capacityWatts()[q]),
                        "MW");
            }
        }
    }

    /** No more of a type is delivered in a quarter than its vendor can deliver. */
    private static void deliveries(MipSolver m, BuildOut p) {
        for (int t = 0; t < p.types().size(); t++) {
            long limit = p.types().get(t).deliveriesPerQuarter();
            for (int q = 0; q < p.quarters().size() && limit > 0; q++) {
                MPConstraint row = m.solver().makeConstraint(-MPSolver.infinity(), limit, "deliveries_" + t + "_" + q);
                for (int s = 0; s < p.sites().size(); s++) {
                    if (m.x(t, s, q) != null) {
                        row.setCoefficient(m.x(t, s, q), 1);
                    }
                }
                m.limit(
                        row,
                        "deliveries",
                        p.types().get(t).name(),
                        q,
                        p.types().get(t).name() + " deliveries in "
                                + p.quarters().get(q).label(),
                        limit,
                        "accelerators");
            }
        }
    }

    /** Capex of each budget's year stays within it. */
    private static void budgets(MipSolver m, BuildOut p) {
        for (int b = 0; b < p.budgets().size(); b++) {
            BuildOut.Budget budget = p.budgets().get(b);
            MPConstraint row = m.solver()
                    .makeConstraint(-MPSolver.infinity(), MipSolver.money(budget.usd()) * (1 - MARGIN), "budget_" + b);
            for (int t = 0; t < p.types().size(); t++) {
                for (int s = 0; s < p.sites().size(); s++) {
                    for (int q = 0; q < p.quarters().size(); q++) {
                        if (m.x(t, s, q) != null && p.quarters().get(q).start().getYear() == budget.year()) {
                            row.setCoefficient(
                                    m.x(t, s, q),
                                    MipSolver.money(p.types().get(t).itCapexUsd()));
                        }
                    }
                }
            }
            for (int k = 0; k < p.steps().size(); k++) {
                BuildOut.Step step = p.steps().get(k);
                for (int q = 0; q < p.quarters().size(); q++) {
                    if (m.z(k, q) != null && step.spendShare()[q][b] > 0) {
                        row.setCoefficient(m.z(k, q), MipSolver.money(step.costUsd() * step.spendShare()[q][b]));
                    }
                }
            }
            m.limit(
                    row,
                    "budget",
                    String.valueOf(budget.year()),
                    -1,
                    "capex budget of " + budget.year(),
                    budget.usd() / 1e6,
                    "$M");
        }
    }

    /** The fleet's market-based emissions over the horizon stay within the limit. */
    private static void co2e(MipSolver m, BuildOut p) {
        if (Double.isNaN(p.maxCo2eKg())) {
            return;
        }
        double fixedT = 0;
        for (int t = 0; t < p.types().size(); t++) {
            for (int s = 0; s < p.sites().size(); s++) {
                for (int q = 0; q < p.quarters().size(); q++) {
                    fixedT += MipSolver.mass(p.drawing()[t][s][q]
                            * p.co2eKgPerYear()[t][s]
                            * p.quarters().get(q).years());
                }
            }
        }
        MPConstraint row = m.solver()
                .makeConstraint(-MPSolver.infinity(), MipSolver.mass(p.maxCo2eKg()) * (1 - MARGIN) - fixedT, "co2e");
        for (int t = 0; t < p.types().size(); t++) {
            for (int s = 0; s < p.sites().size(); s++) {
                for (int q = 0; q < p.quarters().size(); q++) {
                    if (m.x(t, s, q) != null) {
                        double years = p.yearsRemaining(q);
                        row.setCoefficient(m.x(t, s, q), MipSolver.mass(p.co2eKgPerYear()[t][s] * years));
                    }
                }
            }
        }
        m.limit(row, "co2e", "", -1, "market-based CO2e over the horizon", p.maxCo2eKg() / 1000, "t");
    }

    /** No vendor supplies more than its allowed share of the accelerators bought. */
    private static void vendors(MipSolver m, BuildOut p) {
        if (Double.isNaN(p.maxVendorShare())) {
            return;
        }
        Set<String> vendors = new LinkedHashSet<>();
        p.types().stream().filter(BuildOut.Kind::buyable).forEach(k -> vendors.add(k.vendor()));
        for (String vendor : vendors) {
            MPConstraint row = m.solver().makeConstraint(-MPSolver.infinity(), 0, "vendor_" + vendor);
            for (int t = 0; t < p.types().size(); t++) {
                double own = p.types().get(t).vendor().equals(vendor) ? 1 : 0;
                for (int s = 0; s < p.sites().size(); s++) {
                    for (int q = 0; q < p.quarters().size(); q++) {
                        MPVariable v = m.x(t, s, q);
                        if (v != null) {
                            row.setCoefficient(v, own - p.maxVendorShare());
                        }
                    }
                }
            }
            m.limit(row, "vendor", vendor, -1, vendor + "'s share of accelerators bought", 0, "accelerators");
        }
    }
}
