package dev.gigawatt.report;

import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
import java.util.ArrayList;
import java.util.List;

/** The headline numbers of a run, as name, value and unit: what {@code compare} puts side by side. */
public final class Kpis {
    private Kpis() {}

    /**
     * One KPI.
     *
     * @param name dotted name, e.g. {@code energy_mwh} or {@code site.richland.peak_power_mw}
     * @param unit unit of the value, e.g. {@code MWh}, {@code USD}, {@code share}
     */
    public record Kpi(String name, double value, String unit) {}

    /** KPIs of a simulation. */
    public static List<Kpi> of(SimulationResult r) {
        List<Kpi> k = new ArrayList<>();
        double cost =
                r.sites().stream().mapToDouble(SiteSeries::totalEnergyCostUsd).sum();
        k.add(new Kpi("energy_mwh", r.totalFacilityEnergyMwh(), "MWh"));
        k.add(new Kpi(
                "co2e_tonnes_location",
                r.sites().stream()
                        .mapToDouble(SiteSeries::totalCo2eTonnesLocation)
                        .sum(),
                "tCO2e"));
        k.add(new Kpi(
                "co2e_tonnes_market",
                r.sites().stream()
                        .mapToDouble(SiteSeries::totalCo2eTonnesMarket)
                        .sum(),
                "tCO2e"));
        k.add(new Kpi(
                "water_m3",
                r.sites().stream().mapToDouble(SiteSeries::totalWaterM3).sum(),
                "m3"));
        k.add(new Kpi("gpu_hours", r.totalGpuHours(), "accelerator-h"));
        k.add(new Kpi("training_goodput", r.trainingGoodput(), "share"));
        k.add(new Kpi("training_kept_share", r.trainingKeptShare(), "share"));
        k.add(new Kpi("jobs", r.jobs().size(), "jobs"));
        k.add(new Kpi(
                "jobs_completed", r.jobs().stream().filter(JobRecord::completed).count(), "jobs"));
        k.add(new Kpi(
                "interruptions",
                r.jobs().stream().mapToInt(JobRecord::interruptions).sum(),
                "count"));
        k.add(new Kpi(
                "lost_gpu_hours",
                r.jobs().stream().mapToDouble(JobRecord::lostGpuHours).sum(),
                "accelerator-h"));
        k.add(new Kpi(
                "unmet_tokens",
                r.services().stream().mapToDouble(ServiceRecord::unmetTokens).sum(),
                "tokens"));
        k.add(new Kpi(
                "min_slo_attainment",
                r.services().stream()
                        .mapToDouble(ServiceRecord::sloAttainment)
                        .min()
                        .orElse(Double.NaN),
                "share"));
        k.add(new Kpi("energy_cost_usd", cost, "USD"));
        k.add(new Kpi("capex_usd", r.money().capexUsd(), "USD"));
        k.add(new Kpi("depreciation_usd", r.money().depreciationUsd(), "USD"));
        k.add(new Kpi("maintenance_usd", r.money().maintenanceUsd(), "USD"));
        k.add(new Kpi(
                "hours_power_capped",
                r.sites().stream().mapToInt(SiteSeries::hoursPowerCapped).sum(),
                "site-h"));
        k.add(new Kpi(
                "hours_above_capacity",
                r.sites().stream().mapToInt(SiteSeries::hoursAboveCapacity).sum(),
                "site-h"));
        k.add(new Kpi("events", r.events(), "events"));
        for (SiteSeries s : r.sites()) {
            String p = "site." + s.name() + ".";
            k.add(new Kpi(p + "peak_power_mw", s.peakFacilityPowerMw(), "MW"));
            k.add(new Kpi(p + "energy_mwh", s.totalFacilityEnergyMwh(), "MWh"));
            k.add(new Kpi(p + "utilisation", s.utilisation(), "share"));
        }
        for (ServiceRecord s : r.services()) {
            k.add(new Kpi("service." + s.name() + ".slo_attainment", s.sloAttainment(), "share"));
        }
        return k;
    }

    /**
     * The names {@link #of(SimulationResult)} gives for {@code scenario}, without simulating: for
     * checking a sweep's outputs before it runs. A test keeps the two in step.
     */
    public static List<String> simulationNames(dev.gigawatt.scenario.Scenario scenario) {
        List<String> names = new ArrayList<>(List.of(
                "energy_mwh",
                "co2e_tonnes_location",
                "co2e_tonnes_market",
                "water_m3",
                "gpu_hours",
                "training_goodput",
                "training_kept_share",
                "jobs",
                "jobs_completed",
                "interruptions",
                "lost_gpu_hours",
                "unmet_tokens",
                "min_slo_attainment",
                "energy_cost_usd",
                "capex_usd",
                "depreciation_usd",
                "maintenance_usd",
                "hours_power_capped",
                "hours_above_capacity",
                "events"));
        for (var site : scenario.sites()) {
            names.add("site." + site.name() + ".peak_power_mw");
            names.add("site." + site.name() + ".energy_mwh");
            names.add("site." + site.name() + ".utilisation");
        }
        for (var service : scenario.inference()) {
            names.add("service." + service.name() + ".slo_attainment");
        }
        return names;
    }

    /** KPIs of a plan. */
    public static List<Kpi> of(Plan plan) {
        List<Kpi> k = new ArrayList<>();
        FleetPlan f = plan.fleet();
        k.add(new Kpi("accelerators", f.accelerators(), "accelerators"));
        k.add(new Kpi("capex_usd", f.capexUsd(), "USD"));
        k.add(new Kpi("capex_in_horizon_usd", f.capexInHorizonUsd(), "USD"));
        k.add(new Kpi("tco_usd_per_year", f.tcoUsdPerYear(), "USD/year"));
        k.add(new Kpi("usd_per_gpu_hour", f.usdPerGpuHour(), "USD/accelerator-h"));
        k.add(new Kpi("energy_mwh_per_year", f.energyMwhPerYear(), "MWh/year"));
        k.add(new Kpi("co2e_tonnes_per_year", f.co2eTonnesPerYear(), "tCO2e/year"));
        k.add(new Kpi("co2e_tonnes_per_year_market", f.co2eTonnesPerYearMarket(), "tCO2e/year"));
        k.add(new Kpi(
                "peak_facility_power_mw",
                plan.sites().stream().mapToDouble(SitePlan::peakFacilityPowerMw).sum(),
                "MW"));
        k.add(new Kpi(
                "sites_not_fitting",
                plan.sites().stream().filter(s -> !s.fits()).count(),
                "sites"));
        for (SitePlan s : plan.sites()) {
            k.add(new Kpi("site." + s.name() + ".peak_facility_power_mw", s.peakFacilityPowerMw(), "MW"));
        }
        for (TrainingPlan t : plan.training()) {
            k.add(new Kpi("training." + t.name() + ".gpu_hours", t.gpuHours(), "accelerator-h"));
            k.add(new Kpi("training." + t.name() + ".ettr", t.ettr(), "share"));
        }
        for (InferencePlan i : plan.inference()) {
            k.add(new Kpi("inference." + i.name() + ".accelerators", i.accelerators(), "accelerators"));
            k.add(new Kpi("inference." + i.name() + ".usd_per_million_tokens", i.usdPerMillionTokens(), "USD/Mtok"));
        }
        return k;
    }
}
