package dev.gigawatt.plan;

import java.util.List;
import java.util.Map;

/**
 * Fleet-wide totals and money.
 *
 * @param accelerators accelerators in service at the horizon's end
 * @param acceleratorsByType accelerators per catalog type
 * @param capexUsd all capex (IT and facility) of deployments and capacity steps up to the horizon's end, USD
 * @param capexInHorizonUsd the part of that capex spent in the horizon's calendar years, USD
 * @param capexByYear capex per calendar year and category, USD
 * @param depreciationUsdPerYear book depreciation of that capex in a full year, USD/year
 * @param annualisedCapexUsdPerYear economic cost of that capex at the cost of capital, USD/year
 * @param opexUsdPerYear electricity plus maintenance, USD/year
 * @param tcoUsdPerYear annualised capex plus opex, USD/year
 * @param usdPerGpuHour TCO per accelerator-hour, USD
 * @param revenueUsdPerYear revenue when the scenario gives prices, else 0
 * @param npvUsd net present value over the book life when revenue is given, else NaN
 * @param paybackYears capex / (revenue − opex) when positive, else NaN
 * @param budgetUsd capex budget given in the scenario, or 0
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
        double budgetUsd) {
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
