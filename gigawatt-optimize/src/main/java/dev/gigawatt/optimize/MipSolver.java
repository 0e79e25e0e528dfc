package dev.gigawatt.optimize;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Solves a {@link BuildOut} as a mixed-integer program with SCIP through OR-Tools. With {@code elastic}
 * set, every limit gets a penalised slack and every workload may go unplaced, so the program is always
 * feasible and its slacks say what an infeasible problem would need (see {@link Relaxation}). Built
 * with {@link #pricing}, it is the linear program of a solution's purchases, its workload and step
 * choices fixed, whose duals {@link ShadowPrices} reads.
 */
final class MipSolver {
    /**
     * Branch-and-bound nodes after which the search stops with the best plan found: a limit of work,
     * not of time, so that where it stops does not depend on the machine's speed or load.
     */
    static final long NODE_LIMIT = 2_000;

    /** SCIP's settings: a tight feasibility tolerance, the default random seed stated so it stays fixed, the node limit. */
    private static final String SCIP_SETTINGS =
            "numerics/feastol = 1e-9\nrandomization/randomseedshift = 0\n" + "limits/totalnodes = " + NODE_LIMIT + "\n";
    /**
     * The relative gap at which a plan counts as optimal. Power and budget rows are knapsacks over
     * counts in the hundreds of thousands; proving the last 0.01% can take minutes where 0.1% takes
     * milliseconds.
     */
    static final double GAP = 1e-3;

    /** Units inside the program: money in $M, power in MW, CO2e in t, to keep coefficients near 1. */
    private static final double MONEY = 1e6;

    private static final double POWER = 1e6;
    private static final double MASS = 1e3;
    /** Dropping a workload costs as much as ten times overrunning a limit by all of it. */
    private static final double MISS_WEIGHT = 10;

    private final BuildOut p;
    private final boolean elastic;
    /** In the elastic program, whether a workload may go unplaced (else only limits give). */
    private final boolean dropping;
    /** The solution whose workload and step choices the pricing program fixes; null when solving. */
    private final Decisions fixed;

    private final MPSolver solver;
    private final MPVariable[][][] x;
    private final MPVariable[][] z;
    private final MPVariable[][] y;
    private final MPVariable[][] u;
    private final List<Slack> slacks = new ArrayList<>();
    private final List<Limit> limits = new ArrayList<>();

    /** A penalised slack of the elastic program: what it is and how much of it the answer uses. */
    record Slack(String kind, String what, double limit, String unit, MPVariable variable) {}

    /**
     * A limit row of the program.
     *
     * @param subject the site (power), the type (deliveries), the vendor (vendor share), the year (budget)
     * @param quarter the row's quarter (power, deliveries), else -1
     */
    record Limit(String kind, String subject, int quarter, MPConstraint row) {}

    static {
        Loader.loadNativeLibraries();
    }

    MipSolver(BuildOut p, boolean elastic) {
        this(p, elastic, elastic, null);
    }

    /** The elastic program in which every workload must be placed and only the limits give. */
    static MipSolver placingAll(BuildOut p) {
        return new MipSolver(p, true, false, null);
    }

    /** The linear program (GLOP) of {@code d}'s purchases, continuous, with its workload and step choices fixed. */
    static MipSolver pricing(BuildOut p, Decisions d) {
        return new MipSolver(p, false, false, d);
    }

    private MipSolver(BuildOut p, boolean elastic, boolean dropping, Decisions fixed) {
        this.p = p;
        this.elastic = elastic;
        this.dropping = dropping;
        this.fixed = fixed;
        String engine = fixed == null ? "SCIP" : "GLOP";
        this.solver = MPSolver.createSolver(engine);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + engine + " solver on this platform");
        }
        int types = p.types().size();
        int sites = p.sites().size();
        int quarters = p.quarters().size();
        x = new MPVariable[types][sites][quarters];
        for (int t = 0; t < types; t++) {
            BuildOut.Kind kind = p.types().get(t);
            for (int s = 0; s < sites; s++) {
                for (int q = kind.firstQuarter();
                        q < quarters && kind.buyable() && p.sites().get(s).buyable();
                        q++) {
                    String name = "x_" + t + "_" + s + "_" + q;
                    x[t][s][q] = fixed == null ? solver.makeIntVar(0, 1e9, name) : solver.makeNumVar(0, 1e9, name);
                }
            }
        }
        z = new MPVariable[p.steps().size()][quarters];
        for (int k = 0; k < p.steps().size(); k++) {
            MPConstraint once = solver.makeConstraint(0, 1, "once_" + k);
            for (int q = p.steps().get(k).firstQuarter(); q < quarters; q++) {
                z[k][q] = choice("z_" + k + "_" + q, fixed != null && fixed.stepQuarter()[k] == q);
                once.setCoefficient(z[k][q], 1);
            }
        }
        y = new MPVariable[p.jobs().size()][];
        for (int j = 0; j < p.jobs().size(); j++) {
            BuildOut.Job job = p.jobs().get(j);
            y[j] = new MPVariable[job.options().size()];
            MPConstraint one = solver.makeConstraint(1, 1, "job_" + j);
            for (int o = 0; o < y[j].length; o++) {
                y[j][o] = choice("y_" + j + "_" + o, fixed != null && fixed.jobOption()[j] == o);
                one.setCoefficient(y[j][o], 1);
            }
            miss(one, "workload", "training '" + job.name() + "' by " + job.deadline());
        }
        u = new MPVariable[p.services().size()][];
        for (int i = 0; i < p.services().size(); i++) {
            BuildOut.Service service = p.services().get(i);
            u[i] = new MPVariable[service.options().size()];
            MPConstraint one = solver.makeConstraint(1, 1, "service_" + i);
            for (int o = 0; o < u[i].length; o++) {
                u[i][o] = choice("u_" + i + "_" + o, fixed != null && fixed.serviceOption()[i] == o);
                one.setCoefficient(u[i][o], 1);
            }
            miss(one, "workload", "inference '" + service.name() + "'");
        }
        ModelRows.add(this);
    }

    /** A binary choice, or in the pricing program one fixed at the solution's: 1 when {@code chosen}. */
    private MPVariable choice(String name, boolean chosen) {
        if (fixed == null) {
            return solver.makeBoolVar(name);
        }
        double v = chosen ? 1 : 0;
        return solver.makeNumVar(v, v, name);
    }

    BuildOut problem() {
        return p;
    }

    MPSolver solver() {
        return solver;
    }

    MPVariable x(int t, int s, int q) {
        return x[t][s][q];
    }

    MPVariable z(int k, int q) {
        return z[k][q];
    }

    MPVariable y(int j, int o) {
        return y[j][o];
    }

    MPVariable u(int i, int o) {
        return u[i][o];
    }

    /**
     * Registers {@code row} as a limit, and in elastic mode adds a slack of weight 1/limit (relative
     * overrun) below its upper bound.
     */
    void limit(MPConstraint row, String kind, String subject, int quarter, String what, double limit, String unit) {
        limits.add(new Limit(kind, subject, quarter, row));
        if (elastic) {
            MPVariable v = solver.makeNumVar(0, MPSolver.infinity(), "slack_" + slacks.size());
            row.setCoefficient(v, -1);
            slacks.add(new Slack(kind, what, limit, unit, v));
        }
    }

    private void miss(MPConstraint one, String kind, String what) {
        if (elastic && dropping) {
            MPVariable v = solver.makeNumVar(0, 1, "miss_" + slacks.size());
            one.setCoefficient(v, 1);
            slacks.add(new Slack(kind, what, 0, "", v));
        }
    }

    /** Money in the program's unit. */
    static double money(double usd) {
        return usd / MONEY;
    }

    /** Money in the program's unit, in USD. */
    static double usd(double money) {
        return money * MONEY;
    }

    /** Power in the program's unit. */
    static double power(double watts) {
        return watts / POWER;
    }

    /** CO2e mass in the program's unit. */
    static double mass(double kg) {
        return kg / MASS;
    }

    /** The limit rows, in the order they were added. */
    List<Limit> limits() {
        return limits;
    }

    /** Solves; the answer's decisions are null when there is none. */
    Answer solve() {
        MPObjective objective = objective();
        solver.setTimeLimit(Math.round(p.timeLimitSeconds() * 1000));
        solver.setNumThreads(1);
        solver.setSolverSpecificParametersAsString(SCIP_SETTINGS);
        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, GAP);
        long started = System.nanoTime();
        MPSolver.ResultStatus status = solver.solve(parameters);
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean found = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        Decisions decisions = found ? decisions() : null;
        double gap = found && status != MPSolver.ResultStatus.OPTIMAL
                ? Math.abs(objective.value() - objective.bestBound()) / Math.max(Math.abs(objective.value()), 1e-9)
                : 0;
        List<Relaxation> relaxations = new ArrayList<>();
        if (found && elastic) {
            for (Slack slack : slacks) {
                double v = slack.variable().solutionValue();
                if (v > 1e-6) {
                    relaxations.add(new Relaxation(slack.kind(), slack.what(), slack.limit(), v, slack.unit()));
                }
            }
        }
        return new Answer(status == MPSolver.ResultStatus.OPTIMAL, found, decisions, gap, seconds, relaxations);
    }

    /** Solves the pricing program: its objective in USD, NaN when it has no optimum; the rows then carry their duals. */
    double solveLinear() {
        MPObjective objective = objective();
        return solver.solve() == MPSolver.ResultStatus.OPTIMAL ? usd(objective.value()) : Double.NaN;
    }

    /** Accelerators the solved program buys in total (fractional in the pricing program). */
    double boughtValue() {
        double n = 0;
        for (MPVariable[][] perSite : x) {
            for (MPVariable[] perQuarter : perSite) {
                for (MPVariable v : perQuarter) {
                    n += v == null ? 0 : v.solutionValue();
                }
            }
        }
        return n;
    }

    private MPObjective objective() {
        MPObjective objective = solver.objective();
        double costWeight = elastic ? 1e-9 : 1;
        for (int t = 0; t < x.length; t++) {
            for (int s = 0; s < x[t].length; s++) {
                for (int q = 0; q < x[t][s].length; q++) {
                    if (x[t][s][q] != null) {
                        objective.setCoefficient(x[t][s][q], costWeight * money(unitCostUsd(t, s, q)));
                    }
                }
            }
        }
        for (int k = 0; k < z.length; k++) {
            for (int q = 0; q < z[k].length; q++) {
                if (z[k][q] != null) {
                    objective.setCoefficient(z[k][q], costWeight * money(stepCostUsd(k, q)));
                }
            }
        }
        for (Slack slack : slacks) {
            double weight =
                    switch (slack.kind()) {
                        case "workload" -> MISS_WEIGHT;
                        case "vendor" -> 1e-4; // per accelerator over the share
                        default -> 1 / Math.max(slack.limit(), 1e-3);
                    };
            objective.setCoefficient(slack.variable(), weight);
        }
        objective.setMinimization();
        return objective;
    }

    /** The objective's cost of one accelerator of type {@code t} at {@code s} bought in quarter {@code q}, USD. */
    double unitCostUsd(int t, int s, int q) {
        double capex = p.types().get(t).itCapexUsd();
        double tco = p.tcoUsdPerYear()[t][s] * p.yearsRemaining(q);
        if ("npv".equals(p.objective())) {
            return -p.npv().unitUsd()[t][s] * p.npv().discount(p, q); // NPV maximised as its negative minimised
        }
        // Ties between equal capex broken towards later (just-in-time) purchases.
        return "capex".equals(p.objective()) ? capex + 1e-6 * tco : tco;
    }

    /** The objective's cost of capacity step {@code k} energised in quarter {@code q}, USD. */
    double stepCostUsd(int k, int q) {
        double capex = p.steps().get(k).costUsd();
        double tco = capex * p.facilityRecoveryPerYear() * p.yearsRemaining(q);
        if ("npv".equals(p.objective())) {
            return -p.npv().stepUsd()[k] * p.npv().discount(p, q);
        }
        return "capex".equals(p.objective()) ? capex + 1e-6 * tco : tco;
    }

    private Decisions decisions() {
        int types = p.types().size();
        int sites = p.sites().size();
        int quarters = p.quarters().size();
        long[][][] bought = new long[types][sites][quarters];
        for (int t = 0; t < types; t++) {
            for (int s = 0; s < sites; s++) {
                for (int q = 0; q < quarters; q++) {
                    bought[t][s][q] = x[t][s][q] == null ? 0 : Math.round(x[t][s][q].solutionValue());
                }
            }
        }
        int[] steps = new int[z.length];
        for (int k = 0; k < z.length; k++) {
            steps[k] = chosen(z[k]);
        }
        int[] jobs = new int[y.length];
        for (int j = 0; j < y.length; j++) {
            jobs[j] = chosen(y[j]);
        }
        int[] services = new int[u.length];
        for (int i = 0; i < u.length; i++) {
            services[i] = chosen(u[i]);
        }
        return new Decisions(bought, steps, jobs, services);
    }

    private static int chosen(MPVariable[] choices) {
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] != null && choices[i].solutionValue() > 0.5) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What the solver answered.
     *
     * @param optimal proven optimal within the relative gap {@link #GAP}
     * @param found a solution was found (optimal, or the best when the time limit was reached)
     * @param gap relative distance of the solution from the best bound, when not proven optimal
     * @param seconds wall-clock time of the solve, s
     * @param relaxations in elastic mode, the slacks the answer uses
     */
    record Answer(
            boolean optimal,
            boolean found,
            Decisions decisions,
            double gap,
            double seconds,
            List<Relaxation> relaxations) {}
}
