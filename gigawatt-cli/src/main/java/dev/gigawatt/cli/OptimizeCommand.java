package dev.gigawatt.cli;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.optimize.BuildOut;
import dev.gigawatt.optimize.Checked;
import dev.gigawatt.optimize.Coefficients;
import dev.gigawatt.optimize.FleetComparison;
import dev.gigawatt.optimize.Npv;
import dev.gigawatt.optimize.Optimizer;
import dev.gigawatt.optimize.Outcome;
import dev.gigawatt.optimize.OutcomeJson;
import dev.gigawatt.optimize.OutcomeText;
import dev.gigawatt.optimize.PlanWriter;
import dev.gigawatt.optimize.Sensitivity;
import dev.gigawatt.optimize.SimulationCheck;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gigawatt optimize FILE}: the cheapest build-out that meets the scenario's deadlines, demand and limits. */
@Command(
        name = "optimize",
        mixinStandardHelpOptions = true,
        description = "Choose what to buy, where and when, and which grid steps to build: the cheapest plan"
                + " meeting the scenario's optimize: section (mixed-integer model, SCIP via OR-Tools).")
final class OptimizeCommand implements Callable<Integer> {
    /** Objectives the command line may choose. */
    enum Objective {
        tco,
        capex,
        npv
    }

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = "--objective",
            paramLabel = "OBJECTIVE",
            description =
                    "What to optimise: ${COMPLETION-CANDIDATES} (tco and capex are minimised, npv maximised; default:"
                            + " the file's optimize.objective, else tco).")
    Objective objective;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the chosen plan as a scenario file that plan and simulate read; an existing"
                    + " file is refused unless --force.")
    Path out;

    @Option(names = "--force", description = "Replace the file at --out if it exists.")
    boolean force;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Check the plan by simulation at most N times, tightening what it misses and solving"
                    + " again between rounds (default: ${DEFAULT-VALUE}; 0 skips the simulation).")
    int rounds;

    @Mixin
    RecordOptions record = new RecordOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Instant startedAt = Instant.now();
        Scenario read = scenario.read();
        if (read.optimization() == null) {
            throw new UserException(
                    Inputs.name(scenario.file) + " has no optimize: section; see docs/optimize.md",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        if (rounds < 0 || rounds > 20) {
            throw new UserException("--rounds: must be between 0 and 20, got " + rounds, GigawattCli.EXIT_BAD_INPUT);
        }
        if (out != null && Files.exists(out) && !force) {
            throw new UserException("--out " + out + " exists; use --force to replace it", GigawattCli.EXIT_BAD_INPUT);
        }
        Scenario s = objective == null ? read : withObjective(read, objective.name());
        String missing = "npv".equals(s.optimization().objective()) ? Npv.missingRevenue(s) : null;
        if (missing != null) {
            throw new UserException(
                    (objective == null ? Inputs.name(scenario.file) + ": optimize.objective: " : "--objective npv: ")
                            + missing,
                    GigawattCli.EXIT_BAD_INPUT);
        }
        try (Recorder recorder = Recorder.prepare(record, null, null, false)) {
            return solve(s, recorder, startedAt);
        }
    }

    private int solve(Scenario s, Recorder recorder, Instant startedAt) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        BuildOut problem = Coefficients.of(s);
        double probeSeconds = (System.nanoTime() - started) / 1e9;
        Outcome first = Optimizer.solve(problem);
        double solveSeconds = (System.nanoTime() - started) / 1e9 - probeSeconds;
        Checked checked = SimulationCheck.run(s, scenario.text, scenario.catalog(), problem, first, rounds);
        Outcome outcome = checked.outcome();
        double checkSeconds = (System.nanoTime() - started) / 1e9 - probeSeconds - solveSeconds;
        Sensitivity sensitivity = Sensitivity.of(s, outcome);
        double sensitivitySeconds = (System.nanoTime() - started) / 1e9 - probeSeconds - solveSeconds - checkSeconds;
        String report = OutcomeText.table(s.name(), checked, sensitivity);
        stdout.print(report);
        stdout.flush();
        PrintWriter info = GigawattCli.info(spec);
        info.println(String.format(
                Locale.ROOT,
                "Coefficients from the planner in %.2f s; solved in %.2f s (solver %.2f s); checked by simulation"
                        + " in %.2f s (%d round%s); shadow prices and price re-solves in %.2f s.",
                probeSeconds,
                solveSeconds,
                first.seconds(),
                checkSeconds,
                checked.rounds().size(),
                checked.rounds().size() == 1 ? "" : "s",
                sensitivitySeconds));
        if (!outcome.feasible()) {
            info.flush();
            return GigawattCli.EXIT_BAD_INPUT; // the file's own limits cannot all be met; nothing is recorded
        }
        String written = header(s) + PlanWriter.write(scenario.text, s, outcome);
        Scenario chosen = ScenarioReader.parse(written, "plan.yaml", scenario.catalog());
        Plan plan;
        if (s.fleet().isEmpty()) {
            plan = new Planner(Assumptions.builtIn()).plan(chosen);
        } else {
            FleetComparison comparison = FleetComparison.of(s, chosen);
            String text = "\nAgainst the input as written (gigawatt plan on both)\n" + comparison.text();
            stdout.print(text);
            stdout.flush();
            report += text;
            plan = comparison.chosen();
        }
        if (out != null) {
            Files.writeString(out, written, StandardCharsets.UTF_8);
            info.println("Plan: " + out + " (gigawatt plan " + out + ")");
        }
        if (!record.noDb) {
            info.println();
        }
        String json = OutcomeJson.write(checked, sensitivity, report, written);
        List<Kpis.Kpi> kpis = List.of(
                new Kpis.Kpi("optimize.objective_usd", outcome.costs().objectiveUsd(problem.objective()), "USD"),
                new Kpis.Kpi("optimize.capex_usd", outcome.costs().capexUsd(), "USD"),
                new Kpis.Kpi("optimize.tco_usd", outcome.costs().tcoUsd(), "USD"),
                new Kpis.Kpi("optimize.accelerators_bought", outcome.decisions().totalBought(), "accelerators"),
                new Kpis.Kpi("optimize.rounds", checked.rounds().size(), "rounds"),
                new Kpis.Kpi("optimize.met_in_simulation", checked.met() ? 1 : 0, "0/1"));
        recorder.record(
                scenario.file,
                scenario.text,
                startedAt,
                (store, run, beforeCommit) -> store.recordOptimization(run, chosen, plan, json, kpis, beforeCommit),
                info);
        info.flush();
        return 0;
    }

    private String header(Scenario s) {
        return "# The build-out gigawatt optimize chose for " + Inputs.name(scenario.file) + " (objective "
                + s.optimization().objective() + "); its optimize: section is left out.\n";
    }

    private static Scenario withObjective(Scenario s, String objective) {
        return new Scenario(
                s.name(),
                s.description(),
                s.seed(),
                s.horizon(),
                s.sites(),
                s.fleet(),
                s.training(),
                s.inference(),
                s.finance(),
                s.reliability(),
                s.catalog(),
                s.simulation(),
                s.jobMix(),
                s.optimization().withObjective(objective));
    }
}
