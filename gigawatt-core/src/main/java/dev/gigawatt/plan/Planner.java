package dev.gigawatt.plan;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.model.EmbodiedCarbon;
import dev.gigawatt.model.StepConstants;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.scenario.TrainingJob;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analytic planner: answers what a scenario needs, draws, emits and costs, in closed form.
 * Steady-state figures are for a year of operation with the fleet in service at the horizon's end;
 * the grid-capacity check covers every date on which capacity or the fleet changes.
 */
public final class Planner {
    private final Assumptions assumptions;

    public Planner(Assumptions assumptions) {
        this.assumptions = assumptions;
    }

    /**
     * With no {@code fleet:} in the scenario, the fleet the workloads need: every feasible inference
     * service's accelerators and every training job's, at their sites from the horizon's start.
     */
    private static List<Deployment> derivedFleet(
            Scenario scenario, List<InferencePlan> inference, Economics economics) {
        List<Deployment> fleet = new ArrayList<>();
        LocalDate start = scenario.horizon().start();
        for (InferencePlan p : inference) {
            if (p.feasible()) {
                var accelerator =
                        scenario.catalog().accelerators().find(p.accelerator()).orElseThrow();
                Deployment unit = PlanSupport.unitDeployment(accelerator, p.accelerators(), p.site(), economics);
                fleet.add(new Deployment(
                        accelerator,
                        unit.server(),
                        p.accelerators(),
                        p.site(),
                        start,
                        unit.acceleratorsPerServer(),
                        unit.serversPerRack(),
                        unit.priceUsd()));
            }
        }
        for (TrainingJob job : scenario.training()) {
            Site site = PlanSupport.siteFor(job.site(), job.accelerator(), scenario);
            Deployment unit = PlanSupport.unitDeployment(job.accelerator(), job.gpus(), site.name(), economics);
            fleet.add(new Deployment(
                    job.accelerator(),
                    unit.server(),
                    job.gpus(),
                    site.name(),
                    start,
                    unit.acceleratorsPerServer(),
                    unit.serversPerRack(),
                    unit.priceUsd()));
        }
        return fleet;
    }

    /**
     * The fleet a simulation of {@code scenario} runs: the scenario's own, or, when it has none,
     * the one {@code plan} sized from the workloads.
     */
    public static List<Deployment> fleetFor(Scenario scenario, Plan plan) {
        return scenario.fleet().isEmpty()
                ? derivedFleet(scenario, plan.inference(), new Economics(scenario))
                : scenario.fleet();
    }

    /** Plans {@code scenario}. */
    public Plan plan(Scenario scenario) {
        Economics economics = new Economics(scenario);
        LocalDate end = scenario.horizon().end();
        List<String> warnings = new ArrayList<>();

        InferencePlanner inferencePlanner =
                new InferencePlanner(economics, assumptions, assumptions.fraction("inference.averageUtilisationFloor"));
        List<InferencePlan> inference =
                scenario.inference().stream().map(inferencePlanner::plan).toList();
        for (InferencePlan p : inference) {
            if (!p.feasible()) {
                warnings.add("inference service '" + p.name() + "' cannot meet its SLOs with any layout considered;"
                        + " closest: " + p.accelerator() + " " + p.parallelism() + ", where " + p.shortfall()
                        + String.format(Locale.ROOT, " (%.2fx)", p.missFactor()));
            }
        }
        boolean derived = scenario.fleet().isEmpty();
        List<Deployment> deployments = derived ? derivedFleet(scenario, inference, economics) : scenario.fleet();

        List<SitePlan> sites = new ArrayList<>();
        List<Deployment> inService = new ArrayList<>();
        for (Site site : scenario.sites()) {
            List<Deployment> all = deployments.stream()
                    .filter(d -> d.site().equals(site.name()))
                    .toList();
            List<Deployment> live =
                    all.stream().filter(d -> d.inService().isBefore(end)).toList();
            inService.addAll(live);
            sites.add(new SitePlanner(economics, EmbodiedCarbon.of(assumptions))
                    .plan(site, all, live, end, scenario.finance().depreciationYears()));
        }
        FleetPlan fleet = new FleetPlanner(economics)
                .plan(
                        inService,
                        sites,
                        Money.of(scenario, deployments, scenario.horizon().start(), end));

        double trainingPower = assumptions.fraction("training.powerFractionOfTdp");
        List<TrainingPlan> training = new ArrayList<>();
        TrainingPlanner trainingPlanner = new TrainingPlanner(economics, stepPlanner(scenario));
        for (TrainingJob job : scenario.training()) {
            Site site = PlanSupport.siteFor(job.site(), job.accelerator(), scenario);
            training.add(trainingPlanner.plan(job, site, trainingPower));
            long available = inService.stream()
                    .filter(d -> d.site().equals(site.name())
                            && d.accelerator().name().equals(job.accelerator().name()))
                    .mapToLong(Deployment::count)
                    .sum();
            if (!derived && available < job.gpus()) {
                warnings.add("training job '" + job.name() + "' needs " + job.gpus() + " "
                        + job.accelerator().name() + " at " + site.name() + ", the fleet has " + available
                        + " there by " + end);
            }
        }
        if (derived) {
            warnings.add(
                    0,
                    "the scenario has no fleet: it is sized from the workloads (each inference service's"
                            + " accelerators and each training job's), all in service from "
                            + scenario.horizon().start());
        }
        warnings.addAll(PlanWarnings.of(scenario, deployments, training, inference));
        if (fleet.budgetUsd() > 0 && fleet.capexInHorizonUsd() > fleet.budgetUsd()) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "capex of $%.1fB in the horizon's years exceeds the budget of $%.1fB",
                    fleet.capexInHorizonUsd() / 1e9,
                    fleet.budgetUsd() / 1e9));
        }
        return new Plan(
                scenario.name(),
                scenario.description(),
                scenario.horizon().start().toString(),
                end.toString(),
                Headline.of(fleet, sites, end),
                sites,
                fleet,
                training,
                inference,
                warnings);
    }

    /** The step-time planner for {@code scenario}'s catalog and these assumptions. */
    public StepPlanner stepPlanner(Scenario scenario) {
        return new StepPlanner(
                scenario.catalog(),
                StepConstants.from(assumptions),
                assumptions.number("training.defaultBatchTokensPerAccelerator"));
    }
}
