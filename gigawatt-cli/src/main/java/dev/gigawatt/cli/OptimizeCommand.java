package dev.gigawatt.cli;

import dev.gigawatt.optimize.BuildOut;
import dev.gigawatt.optimize.Coefficients;
import dev.gigawatt.optimize.FleetComparison;
import dev.gigawatt.optimize.Optimizer;
import dev.gigawatt.optimize.Outcome;
import dev.gigawatt.optimize.OutcomeText;
import dev.gigawatt.optimize.PlanWriter;
import dev.gigawatt.optimize.Sensitivity;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        capex
    }

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = "--objective",
            paramLabel = "OBJECTIVE",
            description =
                    "What to minimise: ${COMPLETION-CANDIDATES} (default: the file's optimize.objective, else tco).")
    Objective objective;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the chosen plan as a scenario file that plan and simulate read; an existing"
                    + " file is refused unless --force.")
    Path out;

    @Option(names = "--force", description = "Replace the file at --out if it exists.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Scenario s = scenario.read();
        if (s.optimization() == null) {
            throw new UserException(
                    Inputs.name(scenario.file) + " has no optimize: section; see docs/optimize.md",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        if (out != null && Files.exists(out) && !force) {
            throw new UserException("--out " + out + " exists; use --force to replace it", GigawattCli.EXIT_BAD_INPUT);
        }
        if (objective != null) {
            s = withObjective(s, objective.name());
        }
        long started = System.nanoTime();
        BuildOut problem = Coefficients.of(s);
        double probeSeconds = (System.nanoTime() - started) / 1e9;
        Outcome outcome = Optimizer.solve(problem);
        double solveSeconds = (System.nanoTime() - started) / 1e9 - probeSeconds;
        Sensitivity sensitivity = Sensitivity.of(s, outcome);
        double sensitivitySeconds = (System.nanoTime() - started) / 1e9 - probeSeconds - solveSeconds;
        spec.commandLine().getOut().print(OutcomeText.table(s.name(), outcome, sensitivity));
        spec.commandLine().getOut().flush();
        java.io.PrintWriter info = GigawattCli.info(spec);
        info.println(String.format(
                Locale.ROOT,
                "Coefficients from the planner in %.2f s; solved in %.2f s (solver %.2f s); shadow prices and"
                        + " price re-solves in %.2f s.",
                probeSeconds,
                solveSeconds,
                outcome.seconds(),
                sensitivitySeconds));
        if (!outcome.feasible()) {
            info.flush();
            return GigawattCli.EXIT_BAD_INPUT; // the file's own limits cannot all be met
        }
        String written = header(s) + PlanWriter.write(scenario.text, s, outcome);
        if (!s.fleet().isEmpty()) {
            Scenario chosen = ScenarioReader.parse(written, "plan.yaml", scenario.catalog());
            spec.commandLine()
                    .getOut()
                    .print("\nAgainst the input as written (gigawatt plan on both)\n"
                            + FleetComparison.of(s, chosen).text());
            spec.commandLine().getOut().flush();
        }
        if (out != null) {
            Files.writeString(out, written, StandardCharsets.UTF_8);
            info.println("Plan: " + out + " (gigawatt plan " + out + ")");
        }
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
