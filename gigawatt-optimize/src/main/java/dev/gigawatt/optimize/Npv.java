package dev.gigawatt.optimize;

import dev.gigawatt.model.CostModel;
import dev.gigawatt.scenario.Finance;
import dev.gigawatt.scenario.Scenario;
import java.time.temporal.ChronoUnit;

/**
 * The net present value terms of a build-out, in the planner's convention ({@link CostModel#npvUsd}):
 * each accelerator bought and each step built is valued over {@code finance.evaluationYears} from its
 * start of operation (up-front capex, yearly costs, straight-line book value left at the end, all
 * discounted at {@code finance.costOfCapital}), then discounted from the start of its quarter to the
 * horizon's start; the services' revenue, the same for every plan since every service must be served,
 * is valued over the same years from the horizon's start.
 *
 * @param unitUsd {@code [type][site]}: NPV at its start of operation of one accelerator (−IT capex, −opex
 *     each year, + residual book value), USD
 * @param stepUsd per capacity step: NPV at its energising of its facility capex (with the construction
 *     carry) and residual book value, USD
 * @param rate discount rate, 0..1
 * @param revenueUsd the services' revenue (the planner's revenue per year) over the evaluation years, USD
 * @param years the evaluation horizon, years
 */
public record Npv(double[][] unitUsd, double[] stepUsd, double rate, double revenueUsd, double years) {
    /** The factor that brings a value at the start of quarter {@code q} of {@code p} to the horizon's start. */
    double discount(BuildOut p, int q) {
        double years = ChronoUnit.DAYS.between(
                        p.quarters().get(0).start(), p.quarters().get(q).start())
                / 365.0;
        return Math.pow(1 + rate, -years);
    }

    /** NPV at its start of operation of one accelerator with this IT capex and opex, in {@code finance}'s convention. */
    static double unit(Finance finance, double itCapexUsd, double opexUsdPerYear) {
        double years = finance.evaluationYears();
        return CostModel.npvUsd(
                itCapexUsd,
                -opexUsdPerYear,
                finance.costOfCapital(),
                years,
                CostModel.residualBookValueUsd(itCapexUsd, finance.depreciationYears(), years));
    }

    /** NPV at its energising of a capacity step costing {@code costUsd}, in {@code finance}'s convention. */
    static double step(Finance finance, double costUsd) {
        double years = finance.evaluationYears();
        double upfront =
                costUsd * CostModel.constructionCarryFactor(finance.costOfCapital(), finance.constructionLeadYears());
        return CostModel.npvUsd(
                upfront,
                0,
                finance.costOfCapital(),
                years,
                CostModel.residualBookValueUsd(costUsd, finance.facilityDepreciationYears(), years));
    }

    /** The services' revenue per year over the evaluation years, valued at the horizon's start, USD. */
    static double revenue(Finance finance, double revenueUsdPerYear) {
        return CostModel.npvUsd(0, revenueUsdPerYear, finance.costOfCapital(), finance.evaluationYears(), 0);
    }

    /**
     * Why {@code scenario} cannot be optimised for NPV, or null when it can: the revenue side needs
     * {@code finance.revenue.perMillionTokens} (or {@code perUserPerYear}) and a service to earn it.
     */
    public static String missingRevenue(Scenario scenario) {
        Finance f = scenario.finance();
        if (f.revenueUsdPerMillionTokens() > 0 || f.revenueUsdPerUserPerYear() > 0) {
            return scenario.inference().isEmpty()
                    ? "npv needs revenue, which comes from inference services, and the scenario has none"
                    : null;
        }
        return "npv needs revenue: finance.revenue.perMillionTokens is missing (a price such as \"$0.50\" per million"
                + " output tokens served; or finance.revenue.perUserPerYear)";
    }
}
