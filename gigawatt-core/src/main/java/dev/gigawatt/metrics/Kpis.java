package dev.gigawatt.metrics;

import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

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

    /** A fleet-level KPI of a simulation: its name, unit and how it is read from the result. */
    private record SimulationKpi(String name, String unit, ToDoubleFunction<SimulationResult> value) {}

    /**
     * The fleet-level KPIs of a simulation, in the order they are recorded: one list that both {@link
     * #of(SimulationResult)} and {@link #simulationNames} read. Names the plan also gives mean the same
     * there ({@code capex_in_horizon_usd}), so {@code compare} across engines lines them up.
     */
    private static final List<SimulationKpi> SIMULATION = List.of(
            new SimulationKpi("energy_mwh", "MWh", SimulationResult::totalFacilityEnergyMwh),
            new SimulationKpi("co2e_tonnes_location", "tCO2e", r -> sum(r, SiteSeries::totalCo2eTonnesLocation)),
            new SimulationKpi("co2e_tonnes_market", "tCO2e", r -> sum(r, SiteSeries::totalCo2eTonnesMarket)),
            new SimulationKpi("water_m3", "m3", r -> sum(r, SiteSeries::totalWaterM3)),
            new SimulationKpi("gpu_hours", "accelerator-h", SimulationResult::totalGpuHours),
            new SimulationKpi("training_goodput", "share", SimulationResult::trainingGoodput),
            new SimulationKpi("training_kept_share", "share", SimulationResult::trainingKeptShare),
            new SimulationKpi("jobs", "jobs", r -> r.jobs().size()),
            new SimulationKpi("jobs_completed", "jobs", r -> r.jobs().stream()
                    .filter(JobRecord::completed)
                    .count()),
            new SimulationKpi("interruptions", "count", r -> r.jobs().stream()
                    .mapToInt(JobRecord::interruptions)
                    .sum()),
            new SimulationKpi("lost_gpu_hours", "accelerator-h", r -> r.jobs().stream()
                    .mapToDouble(JobRecord::lostGpuHours)
                    .sum()),
            new SimulationKpi("unmet_tokens", "tokens", r -> r.services().stream()
                    .mapToDouble(ServiceRecord::unmetTokens)
                    .sum()),
            new SimulationKpi("min_slo_attainment", "share", r -> r.services().stream()
                    .mapToDouble(ServiceRecord::sloAttainment)
                    .min()
                    .orElse(Double.NaN)),
            new SimulationKpi("energy_cost_usd", "USD", r -> sum(r, SiteSeries::totalEnergyCostUsd)),
            new SimulationKpi("capex_in_horizon_usd", "USD", r -> r.money().capexUsd()),
            new SimulationKpi("depreciation_usd", "USD", r -> r.money().depreciationUsd()),
            new SimulationKpi("maintenance_usd", "USD", r -> r.money().maintenanceUsd()),
            new SimulationKpi("hours_power_capped", "site-h", r -> r.sites().stream()
                    .mapToInt(SiteSeries::hoursPowerCapped)
                    .sum()),
            new SimulationKpi("hours_above_capacity", "site-h", r -> r.sites().stream()
                    .mapToInt(SiteSeries::hoursAboveCapacity)
                    .sum()),
            new SimulationKpi("events", "events", SimulationResult::events));

    private static double sum(SimulationResult r, ToDoubleFunction<SiteSeries> perSite) {
        return r.sites().stream().mapToDouble(perSite).sum();
    }

    /** KPIs of a simulation. */
    public static List<Kpi> of(SimulationResult r) {
        List<Kpi> k = new ArrayList<>();
        for (SimulationKpi kpi : SIMULATION) {
            k.add(new Kpi(kpi.name(), kpi.value().applyAsDouble(r), kpi.unit()));
        }
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
     * checking a sweep's outputs before it runs (the same list, and the same per-site and per-service
     * names).
     */
    public static List<String> simulationNames(Scenario scenario) {
        List<String> names = new ArrayList<>();
        for (SimulationKpi kpi : SIMULATION) {
            names.add(kpi.name());
        }
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
