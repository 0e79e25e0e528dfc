package dev.gigawatt.plan;

import java.util.List;
import java.util.Map;

/**
 * Fleet-wide totals and money.
 *
 * @param accelerators accelerators in service at the horizon's end
 * @param acceleratorsByType accelerators per catalog type
 * @param capexUsd all capex (IT and facility) of deployments and capacity steps up to the horizon's end, USD
 * @param capexInHorizonUsd capex spent in the horizon's calendar years (facility capex spread over its
 *     construction lead time, including capacity still under construction), USD
 * @param capexByYear capex per calendar year and category, USD
 * @param depreciationUsdPerYear book depreciation of that capex in a full year, USD/year
 * @param annualisedCapexUsdPerYear economic cost of that capex at the cost of capital, USD/year
 * @param opexUsdPerYear electricity plus maintenance, USD/year
 * @param tcoUsdPerYear annualised capex plus opex, USD/year
 * @param usdPerGpuHour TCO per accelerator-hour, USD
 * @param revenueUsdPerYear revenue when the scenario gives prices, else 0
 * @param npvUsd net present value over the evaluation horizon when revenue is given, else NaN: capex of
 *     what is in service at the horizon's end (facility capex carried at the cost of capital over its
 *     construction lead time), the yearly net cash flow, and the residual book value at the end
 * @param paybackYears capex / (revenue − opex) when positive, else NaN
 * @param budgetUsd capex budget given in the scenario, or 0
 * @param evaluationYears horizon of the NPV, years
 * @param residualValueUsd book value of that capex left at the end of the evaluation horizon, USD
 * @param facilityUnderConstructionUsd the part of {@code capexInHorizonUsd} spent on facility capacity
 *     energised after the horizon's end (in {@code capexByYear}, not in {@code capexUsd}), USD
 * @param inHorizon capex, depreciation and maintenance accrued within the horizon's dates, as the simulator
 *     accrues them
 */
public record FleetPlan(
        long accelerators,
        Map<String, Long> acceleratorsByType,
        double capexUsd,
        double capexInHorizonUsd,
        List<CapexYear> capexByYear,
        double depreciationUsdPerYear,
        double annualisedCapexUsdPerYear,
        double opexUsdPerYear,
        double tcoUsdPerYear,
        double usdPerGpuHour,
        double energyMwhPerYear,
        double co2eTonnesPerYear,
        double co2eTonnesPerYearMarket,
        double revenueUsdPerYear,
        double npvUsd,
        double paybackYears,
        double budgetUsd,
        double evaluationYears,
        double residualValueUsd,
        double facilityUnderConstructionUsd,
        Money inHorizon) {
    public FleetPlan {
        acceleratorsByType = Map.copyOf(acceleratorsByType);
        capexByYear = List.copyOf(capexByYear);
    }

    /** Capex of one calendar year by category, USD. */
    public record CapexYear(
            int year, double acceleratorsUsd, double serversUsd, double networkUsd, double facilityUsd) {
        /** Sum of the categories, USD. */
        public double totalUsd() {
            return acceleratorsUsd + serversUsd + networkUsd + facilityUsd;
        }
    }
}
