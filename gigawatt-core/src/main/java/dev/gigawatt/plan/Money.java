package dev.gigawatt.plan;

import dev.gigawatt.model.ConstructionSpend;
import dev.gigawatt.scenario.CapacityStep;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Finance;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioDates;
import dev.gigawatt.scenario.Site;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Money over a horizon, as the simulator accrues it and the planner reports it: capex when deployments happen and while capacity is built, straight-line
 * depreciation and maintenance for the days assets are in service within the horizon. Electricity
 * is in each site's hourly series, from the energy actually used.
 *
 * @param capexUsd IT capex of deployments in service inside the horizon and the facility capex spent inside
 *     it (spread evenly over the construction lead time before each capacity step), USD
 * @param depreciationUsd book depreciation accrued inside the horizon, USD
 * @param maintenanceUsd maintenance accrued inside the horizon, USD
 */
public record Money(double capexUsd, double depreciationUsd, double maintenanceUsd) {
    public static Money of(Scenario scenario, List<Deployment> deployments, LocalDate start, LocalDate end) {
        Finance f = scenario.finance();
        double capex = 0;
        double depreciation = 0;
        double maintenance = 0;
        for (Deployment d : deployments) {
            double it = d.count() * d.itCapexPerAccelerator(f).totalUsd();
            if (!d.inService().isBefore(start) && d.inService().isBefore(end)) {
                capex += it;
            }
            LocalDate retired = d.inService().plusDays(Math.round(f.depreciationYears() * 365));
            double years = overlapDays(d.inService(), retired, start, end) / 365.0;
            depreciation += it / f.depreciationYears() * years;
            maintenance += it * f.maintenanceShare() * years;
        }
        for (Site site : scenario.sites()) {
            double previous = 0;
            for (CapacityStep step : site.capacity()) {
                double added = Math.max(0, step.powerWatts() - previous) * f.facilityCostUsdPerWatt();
                previous = Math.max(previous, step.powerWatts());
                LocalDate from =
                        step.from().equals(ScenarioDates.ALWAYS) ? scenario.siteBuilt(site, deployments) : step.from();
                capex += added * ConstructionSpend.shareWithin(from, f.constructionLeadYears(), start, end);
                double years =
                        overlapDays(from, from.plusDays(Math.round(f.facilityDepreciationYears() * 365)), start, end)
                                / 365.0;
                depreciation += added / f.facilityDepreciationYears() * years;
            }
        }
        return new Money(capex, depreciation, maintenance);
    }

    private static long overlapDays(LocalDate from, LocalDate to, LocalDate start, LocalDate end) {
        LocalDate a = from.isAfter(start) ? from : start;
        LocalDate b = to.isBefore(end) ? to : end;
        return Math.max(0, ChronoUnit.DAYS.between(a, b));
    }
}
