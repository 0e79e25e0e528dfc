package dev.gigawatt.plan;

import dev.gigawatt.model.MarketBasedIntensity;
import dev.gigawatt.scenario.CapacityStep;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.units.Units;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Plans one site: power, energy, water and emissions for a year, and whether it fits its grid capacity. */
final class SitePlanner {
    private final Economics economics;

    SitePlanner(Economics economics) {
        this.economics = economics;
    }

    /**
     * @param all every deployment at the site, including those after the horizon (for the fit check)
     * @param inService the deployments in service at the horizon's end
     */
    SitePlan plan(
            Site site,
            List<Deployment> all,
            List<Deployment> inService,
            LocalDate horizonEnd,
            double depreciationYears) {
        long accelerators = 0;
        double itMeanWatts = 0;
        double itPeakWatts = 0;
        double itBusyWatts = 0;
        double embodiedKgPerYear = 0;
        for (Deployment d : inService) {
            accelerators += d.count();
            itMeanWatts += d.count() * Economics.itWatts(d, site.averageUtilisation());
            itPeakWatts += d.count() * Economics.nameplateWatts(d);
            itBusyWatts += d.count() * Economics.itWatts(d, 1);
            embodiedKgPerYear += d.count() * d.accelerator().embodiedCo2eKg() / depreciationYears;
        }
        double facilityWhPerYear = 0;
        List<Double> pue = site.pueByMonth();
        for (Month month : Month.values()) {
            facilityWhPerYear += itMeanWatts * month.length(false) * 24.0 * pue.get(month.ordinal());
        }
        double itWhPerYear = itMeanWatts * Units.HOURS_PER_YEAR;
        double onSiteLitres = Units.waterLitres(itWhPerYear, site.wueLitresPerKwh());
        double offSiteLitres = Units.waterLitres(facilityWhPerYear, site.grid().waterIntensityLitresPerKwh());
        double co2eKg = Units.co2eKg(facilityWhPerYear, site.grid().carbonIntensityGramsPerKwh());
        MarketBasedIntensity market = MarketBasedIntensity.of(site.grid(), site.renewableShare());
        List<SitePlan.Shortfall> shortfalls = shortfalls(site, all);
        return new SitePlan(
                site.name(),
                site.grid().name(),
                Units.megawatts(site.capacityWatts(horizonEnd.minusDays(1))),
                accelerators,
                Units.megawatts(itMeanWatts),
                Units.megawatts(itPeakWatts),
                Units.megawatts(facilityWhPerYear / Units.HOURS_PER_YEAR),
                Units.megawatts(itPeakWatts * site.peakPue()),
                Units.megawattHours(facilityWhPerYear),
                Units.cubicMetres(onSiteLitres + offSiteLitres),
                Units.cubicMetres(onSiteLitres),
                Units.tonnes(co2eKg),
                Units.tonnes(Units.co2eKg(facilityWhPerYear, market.gramsPerKwh())),
                Units.tonnes(embodiedKgPerYear),
                Units.energyCostUsd(facilityWhPerYear, economics.electricityPriceUsdPerMwh(site)),
                shortfalls.isEmpty(),
                shortfalls,
                Units.megawatts(itBusyWatts * site.peakPue()),
                market.basis());
    }

    /** Every period, between the dates where capacity or the fleet changes, when peak draw exceeds capacity. */
    static List<SitePlan.Shortfall> shortfalls(Site site, List<Deployment> deployments) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        site.capacity().stream().map(CapacityStep::from).forEach(dates::add);
        deployments.forEach(d -> dates.add(d.inService()));
        List<SitePlan.Shortfall> shortfalls = new ArrayList<>();
        LocalDate openFrom = null;
        double worstDemand = 0;
        double capacityAtWorst = 0;
        for (LocalDate date : dates) {
            double demand = 0;
            for (Deployment d : deployments) {
                if (!d.inService().isAfter(date)) {
                    demand += d.count() * Economics.nameplateWatts(d) * site.peakPue();
                }
            }
            double capacity = site.capacityWatts(date);
            boolean over = demand > capacity * (1 + 1e-12);
            if (over && openFrom == null) {
                openFrom = date;
                worstDemand = 0;
            }
            if (over && demand - capacity > worstDemand - capacityAtWorst) {
                worstDemand = demand;
                capacityAtWorst = capacity;
            }
            if (!over && openFrom != null) {
                shortfalls.add(new SitePlan.Shortfall(
                        openFrom, date, Units.megawatts(worstDemand), Units.megawatts(capacityAtWorst)));
                openFrom = null;
            }
        }
        if (openFrom != null) {
            shortfalls.add(new SitePlan.Shortfall(
                    openFrom, null, Units.megawatts(worstDemand), Units.megawatts(capacityAtWorst)));
        }
        return shortfalls;
    }
}
