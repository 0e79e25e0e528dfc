package dev.gigawatt.plan;

import dev.gigawatt.model.CarbonProfile;
import dev.gigawatt.model.EmbodiedCarbon;
import dev.gigawatt.model.MarketBasedIntensity;
import dev.gigawatt.scenario.CapacityStep;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.units.Units;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Plans one site: power, energy, water and emissions for a year, and whether it fits its grid capacity. */
final class SitePlanner {
    private final Economics economics;
    private final EmbodiedCarbon embodied;

    SitePlanner(Economics economics, EmbodiedCarbon embodied) {
        this.economics = economics;
        this.embodied = embodied;
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
        double acceleratorKgPerYear = 0;
        double hostKgPerYear = 0;
        double networkKgPerYear = 0;
        for (Deployment d : inService) {
            accelerators += d.count();
            itMeanWatts += d.count() * Economics.itWatts(d, site.averageUtilisation());
            itPeakWatts += d.count() * Economics.nameplateWatts(d);
            itBusyWatts += d.count() * Economics.itWatts(d, 1);
            acceleratorKgPerYear += d.count() * d.accelerator().embodiedCo2eKg() / depreciationYears;
            hostKgPerYear += d.count()
                    * embodied.hostKgPerAccelerator(d.server(), d.acceleratorsPerServer())
                    / depreciationYears;
            networkKgPerYear += d.count() * embodied.networkKgPerAccelerator() / depreciationYears;
        }
        double facilityWhPerYear = 0;
        for (Month month : Month.values()) {
            facilityWhPerYear +=
                    site.facilityWatts(itMeanWatts, itMeanWatts, month.getValue() - 1) * month.length(false) * 24.0;
        }
        double itWhPerYear = itMeanWatts * Units.HOURS_PER_YEAR;
        double onSiteLitres = Units.waterLitres(itWhPerYear, site.wueLitresPerKwh());
        double offSiteLitres = Units.waterLitres(facilityWhPerYear, site.grid().waterIntensityLitresPerKwh());
        double co2eKg = Units.co2eKg(facilityWhPerYear, site.grid().carbonIntensityGramsPerKwh());
        MarketBasedIntensity market = MarketBasedIntensity.of(site.grid(), site.renewableShare());
        List<SitePlan.Shortfall> shortfalls = shortfalls(site, all);
        double capacityWatts = site.capacityWatts(horizonEnd.minusDays(1));
        EmbodiedCo2e parts = new EmbodiedCo2e(
                Units.tonnes(acceleratorKgPerYear),
                Units.tonnes(hostKgPerYear),
                Units.tonnes(networkKgPerYear),
                Units.tonnes(embodied.facilityKgPerYear(
                        capacityWatts, economics.scenario().finance().facilityDepreciationYears())));
        return new SitePlan(
                site.name(),
                site.grid().name(),
                Units.megawatts(capacityWatts),
                accelerators,
                Units.megawatts(itMeanWatts),
                Units.megawatts(itPeakWatts),
                Units.megawatts(facilityWhPerYear / Units.HOURS_PER_YEAR),
                Units.megawatts(site.designFacilityWatts(itPeakWatts, itMeanWatts)),
                Units.megawattHours(facilityWhPerYear),
                Units.cubicMetres(onSiteLitres + offSiteLitres),
                Units.cubicMetres(onSiteLitres),
                Units.tonnes(co2eKg),
                Units.tonnes(Units.co2eKg(facilityWhPerYear, market.gramsPerKwh())),
                parts.totalTonnesPerYear(),
                Units.energyCostUsd(facilityWhPerYear, economics.electricityPriceUsdPerMwh(site)),
                shortfalls.isEmpty(),
                shortfalls,
                Units.megawatts(site.designFacilityWatts(itBusyWatts, itMeanWatts)),
                market.basis(),
                parts,
                site.meanPue(),
                site.designDayPue(),
                inHorizon(site, all, depreciationYears));
    }

    /**
     * The site's totals over the horizon at its planned utilisation (see {@link SitePlan.InHorizon}): day by
     * day, the deployments in service that day; hour by hour, the grid's typical intensity.
     */
    private SitePlan.InHorizon inHorizon(Site site, List<Deployment> all, double depreciationYears) {
        LocalDate start = economics.scenario().horizon().start();
        LocalDate end = economics.scenario().horizon().end();
        long bookLifeDays = Math.round(depreciationYears * 365);
        // Each deployment's days in service, as day numbers from the horizon's start: [from, to).
        long[] from = new long[all.size()];
        long[] to = new long[all.size()];
        double[] itWattsByDeployment = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Deployment d = all.get(i);
            from[i] = ChronoUnit.DAYS.between(start, d.inService());
            to[i] = from[i] + bookLifeDays;
            itWattsByDeployment[i] = d.count() * Economics.itWatts(d, site.averageUtilisation());
        }
        // A day's load is flat, so its emissions are its hourly energy × the sum of the day's 24 hourly
        // intensities: one sum per month, location- and market-based, gCO2e/kWh summed over the hours.
        CarbonProfile profile = CarbonProfile.of(site.grid());
        MarketBasedIntensity market = MarketBasedIntensity.of(site.grid(), site.renewableShare());
        double gramsPerKwh = site.grid().carbonIntensityGramsPerKwh();
        double[] dayLocation = new double[12];
        double[] dayMarket = new double[12];
        for (int m = 0; m < 12; m++) {
            for (int h = 0; h < 24; h++) {
                double hourly = gramsPerKwh * profile.factor(m + 1, h);
                dayLocation[m] += hourly;
                dayMarket[m] += market.hourlyGramsPerKwh(hourly);
            }
        }
        double gpuHours = 0;
        double itMwh = 0;
        double facilityMwh = 0;
        double co2eLocation = 0;
        double co2eMarket = 0;
        long days = ChronoUnit.DAYS.between(start, end);
        for (long day = 0; day < days; day++) {
            double itWatts = 0;
            long accelerators = 0;
            for (int i = 0; i < from.length; i++) {
                if (from[i] <= day && day < to[i]) {
                    itWatts += itWattsByDeployment[i];
                    accelerators += all.get(i).count();
                }
            }
            if (accelerators == 0) {
                continue;
            }
            int month = start.plusDays(day).getMonthValue() - 1;
            double facilityMwhPerHour = Units.megawatts(site.facilityWatts(itWatts, itWatts, month));
            gpuHours += accelerators * 24.0;
            itMwh += Units.megawatts(itWatts) * 24;
            facilityMwh += facilityMwhPerHour * 24;
            co2eLocation += Units.co2eTonnesFromMwh(facilityMwhPerHour, dayLocation[month]);
            co2eMarket += Units.co2eTonnesFromMwh(facilityMwhPerHour, dayMarket[month]);
        }
        double waterM3 = Units.waterCubicMetresFromMwh(itMwh, site.wueLitresPerKwh())
                + Units.waterCubicMetresFromMwh(facilityMwh, site.grid().waterIntensityLitresPerKwh());
        return new SitePlan.InHorizon(
                gpuHours,
                facilityMwh,
                co2eLocation,
                co2eMarket,
                waterM3,
                facilityMwh * economics.electricityPriceUsdPerMwh(site));
    }

    /**
     * Every period, between the dates where capacity or the fleet changes, when nameplate facility power on the
     * design day exceeds capacity.
     */
    static List<SitePlan.Shortfall> shortfalls(Site site, List<Deployment> deployments) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        site.capacity().stream().map(CapacityStep::from).forEach(dates::add);
        deployments.forEach(d -> dates.add(d.inService()));
        List<SitePlan.Shortfall> shortfalls = new ArrayList<>();
        LocalDate openFrom = null;
        double worstDemand = 0;
        double capacityAtWorst = 0;
        for (LocalDate date : dates) {
            double nameplate = 0;
            double reference = 0;
            for (Deployment d : deployments) {
                if (!d.inService().isAfter(date)) {
                    nameplate += d.count() * Economics.nameplateWatts(d);
                    reference += d.count() * Economics.itWatts(d, site.averageUtilisation());
                }
            }
            double demand = site.designFacilityWatts(nameplate, reference);
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
