package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import java.util.Map;

/**
 * Prices and financial assumptions.
 *
 * @param serverShare non-accelerator share of server capex, 0..1
 * @param networkShare network share of IT capex, 0..1
 * @param facilityCostUsdPerWatt facility capex per watt of site grid capacity, USD/W
 * @param depreciationYears book life of servers and network, years
 * @param facilityDepreciationYears book life of facilities, years
 * @param costOfCapital yearly discount rate, 0..1
 * @param maintenanceShare yearly maintenance as a share of IT capex, 0..1
 * @param electricityPriceUsdPerMwh default electricity price, USD/MWh (NaN: use each grid's price)
 * @param revenueUsdPerUserPerYear revenue per daily active user per year, USD (0 when not given)
 * @param revenueUsdPerMillionTokens revenue per million output tokens served, USD (0 when not given)
 * @param budgetUsd capex budget to check the plan against, USD (0 when not given)
 * @param acceleratorPricesUsd price overrides by catalog accelerator name, USD
 * @param constructionLeadYears time over which facility capex is spent before the capacity is energised, years
 * @param evaluationYears horizon of NPV and payback, years (the scenario's, else the IT book life)
 */
public record Finance(
        double serverShare,
        double networkShare,
        double facilityCostUsdPerWatt,
        double depreciationYears,
        double facilityDepreciationYears,
        double costOfCapital,
        double maintenanceShare,
        double electricityPriceUsdPerMwh,
        double revenueUsdPerUserPerYear,
        double revenueUsdPerMillionTokens,
        double budgetUsd,
        Map<String, Double> acceleratorPricesUsd,
        double constructionLeadYears,
        double evaluationYears) {
    public Finance {
        acceleratorPricesUsd = Map.copyOf(acceleratorPricesUsd);
    }

    /** The price of {@code accelerator}: the scenario's override, else the catalog's, USD. */
    public double priceUsd(Accelerator accelerator) {
        return acceleratorPricesUsd.getOrDefault(accelerator.name(), accelerator.priceUsd());
    }
}
