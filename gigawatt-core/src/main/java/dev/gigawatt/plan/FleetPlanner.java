package dev.gigawatt.plan;

import dev.gigawatt.model.ConstructionSpend;
import dev.gigawatt.model.CostModel;
import dev.gigawatt.model.ItCapex;
import dev.gigawatt.scenario.CapacityStep;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Finance;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioDates;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.units.Units;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fleet totals and money: capex by year, depreciation, annualised cost, opex, TCO, NPV and payback. */
final class FleetPlanner {
    private final Economics economics;

    FleetPlanner(Economics economics) {
        this.economics = economics;
    }

    FleetPlan plan(List<Deployment> inService, List<SitePlan> sites, Money inHorizon) {
        Scenario scenario = economics.scenario();
        Finance f = scenario.finance();
        LocalDate end = scenario.horizon().end();
        Map<Integer, double[]> byYear = new TreeMap<>();
        Map<String, Long> byType = new TreeMap<>();
        long accelerators = 0;
        double itCapex = 0;
        for (Deployment d : inService) {
            ItCapex it = d.itCapexPerAccelerator(f).times(d.count());
            double[] year = byYear.computeIfAbsent(d.inService().getYear(), y -> new double[4]);
            year[0] += it.acceleratorUsd();
            year[1] += it.serverUsd();
            year[2] += it.networkUsd();
            itCapex += it.totalUsd();
            accelerators += d.count();
            byType.merge(d.accelerator().name(), d.count(), Long::sum);
        }
        int endYear = end.minusDays(1).getYear();
        double lead = f.constructionLeadYears();
        double facilityCapex = 0;
        double underConstruction = 0;
        for (Site site : scenario.sites()) {
            double previous = 0;
            for (CapacityStep step : site.capacity()) {
                LocalDate energised =
                        step.from().equals(ScenarioDates.ALWAYS) ? scenario.siteBuilt(site, inService) : step.from();
                boolean energisedInTime = energised.isBefore(end);
                LocalDate started = ConstructionSpend.start(energised, lead);
                if (step.powerWatts() > previous && (energisedInTime || started.isBefore(end))) {
                    double usd = (step.powerWatts() - previous) * f.facilityCostUsdPerWatt();
                    int lastYear = energisedInTime ? energised.getYear() : endYear;
                    for (int year = started.getYear(); year <= lastYear; year++) {
                        double spent = usd
                                * ConstructionSpend.shareWithin(
                                        energised, lead, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
                        if (spent > 0) {
                            byYear.computeIfAbsent(year, y -> new double[4])[3] += spent;
                            if (!energisedInTime
                                    && year >= scenario.horizon().start().getYear()) {
                                underConstruction += spent;
                            }
                        }
                    }
                    if (energisedInTime) {
                        facilityCapex += usd;
                    }
                }
                previous = Math.max(previous, step.powerWatts());
            }
        }
        double depreciation = CostModel.straightLineUsdPerYear(itCapex, f.depreciationYears())
                + CostModel.straightLineUsdPerYear(facilityCapex, f.facilityDepreciationYears());
        double annualised = itCapex * CostModel.capitalRecoveryFactor(f.costOfCapital(), f.depreciationYears())
                + facilityCapex * CostModel.capitalRecoveryFactor(f.costOfCapital(), f.facilityDepreciationYears());
        double electricity =
                sites.stream().mapToDouble(SitePlan::electricityUsdPerYear).sum();
        double opex = electricity + itCapex * f.maintenanceShare();
        double tco = annualised + opex;
        double revenue = revenueUsdPerYear(scenario);
        double capex = itCapex + facilityCapex;
        double horizonYears = f.evaluationYears();
        double residual = CostModel.residualBookValueUsd(itCapex, f.depreciationYears(), horizonYears)
                + CostModel.residualBookValueUsd(facilityCapex, f.facilityDepreciationYears(), horizonYears);
        double upfront = itCapex + facilityCapex * CostModel.constructionCarryFactor(f.costOfCapital(), lead);
        double npv = revenue > 0
                ? CostModel.npvUsd(upfront, revenue - opex, f.costOfCapital(), horizonYears, residual)
                : Double.NaN;
        double payback = revenue > opex ? capex / (revenue - opex) : Double.NaN;
        int startYear = scenario.horizon().start().getYear();
        double capexInHorizon = byYear.entrySet().stream()
                .filter(e -> e.getKey() >= startYear && e.getKey() <= endYear)
                .mapToDouble(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] + e.getValue()[3])
                .sum();
        return new FleetPlan(
                accelerators,
                byType,
                capex,
                capexInHorizon,
                byYear.entrySet().stream()
                        .map(e -> new FleetPlan.CapexYear(
                                e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                        .toList(),
                depreciation,
                annualised,
                opex,
                tco,
                accelerators == 0 ? Double.NaN : tco / (accelerators * Units.HOURS_PER_YEAR),
                sites.stream().mapToDouble(SitePlan::energyMwhPerYear).sum(),
                sites.stream().mapToDouble(SitePlan::co2eTonnesPerYear).sum(),
                sites.stream().mapToDouble(SitePlan::co2eTonnesPerYearMarket).sum(),
                revenue,
                npv,
                payback,
                f.budgetUsd(),
                horizonYears,
                residual,
                underConstruction,
                inHorizon);
    }

    /**
     * Revenue per year: per-user revenue on the largest service's user base (services share their
     * users), plus per-token revenue on every service's output tokens.
     */
    private static double revenueUsdPerYear(Scenario scenario) {
        Finance f = scenario.finance();
        double users = scenario.inference().stream()
                .mapToDouble(InferenceService::dailyActiveUsers)
                .max()
                .orElse(0);
        double revenue = users * f.revenueUsdPerUserPerYear();
        for (InferenceService s : scenario.inference()) {
            revenue += s.outputTokensPerDay() * 365 / 1e6 * f.revenueUsdPerMillionTokens();
        }
        return revenue;
    }
}
