package dev.gigawatt.optimize;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.report.TextTable;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.TrainingJob;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The chosen plan against the input as written, both as {@code gigawatt plan} answers them: cost,
 * power, carbon, and how many deadlines and service objectives each meets.
 *
 * @param input the planner's answer for the input scenario (its fleet, workloads where it puts them)
 * @param chosen the planner's answer for the plan the optimiser wrote
 */
public record FleetComparison(List<Row> rows, Plan input, Plan chosen) {
    public FleetComparison {
        rows = List.copyOf(rows);
    }

    /**
     * One figure of both.
     *
     * @param unit {@code USD}, {@code USD/year}, {@code MW}, {@code t/year} or {@code count}
     */
    public record Row(String what, double input, double chosen, String unit) {}

    /** The comparison of {@code chosen}, the optimiser's plan, with {@code input}, the scenario it was given. */
    public static FleetComparison of(Scenario input, Scenario chosen) {
        Planner planner = new Planner(Assumptions.builtIn());
        Plan before = planner.plan(input);
        Plan after = planner.plan(chosen);
        List<Row> rows = List.of(
                new Row(
                        "accelerators at the horizon's end",
                        before.fleet().accelerators(),
                        after.fleet().accelerators(),
                        "count"),
                new Row(
                        "capex (IT and facility)",
                        before.fleet().capexUsd(),
                        after.fleet().capexUsd(),
                        "USD"),
                new Row(
                        "TCO per year",
                        before.fleet().tcoUsdPerYear(),
                        after.fleet().tcoUsdPerYear(),
                        "USD/year"),
                new Row("peak facility power", peakMw(before), peakMw(after), "MW"),
                new Row("CO2e per year, market-based", co2e(before), co2e(after), "t/year"),
                new Row(
                        "sites within their grid capacity in the horizon",
                        fitting(before, input),
                        fitting(after, input),
                        "count"),
                new Row(
                        "training deadlines met",
                        deadlinesMet(input, before, input),
                        deadlinesMet(chosen, after, input),
                        "count"),
                new Row("services meeting their latency objectives", serving(before), serving(after), "count"));
        return new FleetComparison(rows, before, after);
    }

    /** The comparison as a table. */
    public String text() {
        TextTable table = new TextTable("", "input as written", "chosen plan", "difference");
        for (Row r : rows) {
            table.row(r.what(), format(r.input(), r.unit()), format(r.chosen(), r.unit()), difference(r));
        }
        return table.render();
    }

    private static String difference(Row r) {
        double d = r.chosen() - r.input();
        String sign = d < 0 ? "-" : "+";
        return sign + format(Math.abs(d), r.unit());
    }

    private static String format(double v, String unit) {
        return switch (unit) {
            case "USD" -> OutcomeText.usd(v);
            case "USD/year" -> OutcomeText.usd(v) + "/yr";
            case "MW" -> String.format(Locale.ROOT, "%,.0f MW", v);
            case "t/year" -> String.format(Locale.ROOT, "%,.0f t/yr", v);
            default -> String.format(Locale.ROOT, "%,.0f", v);
        };
    }

    private static double peakMw(Plan plan) {
        return plan.sites().stream().mapToDouble(SitePlan::peakFacilityPowerMw).sum();
    }

    private static double co2e(Plan plan) {
        return plan.sites().stream()
                .mapToDouble(SitePlan::co2eTonnesPerYearMarket)
                .sum();
    }

    /** Sites with no shortfall of grid capacity after the horizon's start (an overflow before it is history). */
    private static double fitting(Plan plan, Scenario input) {
        LocalDate start = input.horizon().start();
        return plan.sites().stream()
                .filter(site -> site.shortfalls().stream().allMatch(f -> f.to() != null && !f.to().isAfter(start)))
                .count();
    }

    private static double serving(Plan plan) {
        return plan.inference().stream().filter(InferencePlan::feasible).count();
    }

    /**
     * Jobs of {@code s} whose run, from its start for the planner's wall-clock days, ends by its deadline
     * in {@code input}'s {@code optimize:} section (the horizon's end by default).
     */
    private static double deadlinesMet(Scenario s, Plan plan, Scenario input) {
        int met = 0;
        for (int j = 0; j < s.training().size(); j++) {
            TrainingJob job = s.training().get(j);
            LocalDate start = job.start() == null ? s.horizon().start() : job.start();
            LocalDate due = input.optimization()
                    .deadlines()
                    .getOrDefault(job.name(), s.horizon().end());
            double days = plan.training().get(j).wallClockDays();
            if (Double.isFinite(days) && !start.plusDays((long) Math.ceil(days)).isAfter(due)) {
                met++;
            }
        }
        return met;
    }
}
