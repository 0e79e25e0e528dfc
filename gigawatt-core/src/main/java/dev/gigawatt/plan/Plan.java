package dev.gigawatt.plan;

import java.util.List;

/** The analytic planner's answer for a whole scenario. */
public record Plan(
        String scenario,
        String description,
        String horizonStart,
        String horizonEnd,
        String headline,
        List<SitePlan> sites,
        FleetPlan fleet,
        List<TrainingPlan> training,
        List<InferencePlan> inference,
        List<String> warnings) {
    public Plan {
        sites = List.copyOf(sites);
        training = List.copyOf(training);
        inference = List.copyOf(inference);
        warnings = List.copyOf(warnings);
    }
}
