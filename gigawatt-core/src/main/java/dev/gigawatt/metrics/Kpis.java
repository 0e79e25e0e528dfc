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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * What each KPI means, by name: one sentence for docs/results.md (generated from {@link
     * #markdown()} and checked by a test). A name both engines give means the same figure in both.
     */
    private static final Map<String, String> DESCRIPTIONS = descriptions();

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("energy_mwh", "Energy at the meters of every site over the horizon.");
        d.put("co2e_tonnes_location", "Emissions of that energy at each hour's grid intensity (location-based).");
        d.put("co2e_tonnes_market", "The same after contracted renewables, with the residual mix (market-based).");
        d.put("water_m3", "On-site (WUE × IT energy) plus off-site (grid water intensity × facility energy) water.");
        d.put("gpu_hours", "Accelerator-hours in service, in every state (training, serving, idle, in repair).");
        d.put("training_goodput", "Σ useful ÷ Σ held accelerator-hours of training jobs.");
        d.put("training_kept_share", "1 − Σ lost ÷ Σ held accelerator-hours of training jobs.");
        d.put("jobs", "Training jobs, explicit and generated.");
        d.put("jobs_completed", "Of those, the jobs that finished.");
        d.put("interruptions", "Failures that interrupted a training job.");
        d.put("lost_gpu_hours", "Accelerator-hours of work lost to failures and preemptions.");
        d.put("unmet_tokens", "Output tokens demanded and not served, every service.");
        d.put("min_slo_attainment", "The lowest service's share of hours in which all its demand was served.");
        d.put("energy_cost_usd", "Electricity cost of that energy.");
        d.put("capex_in_horizon_usd", "Capex of the deployments entering service within the horizon.");
        d.put("depreciation_usd", "Depreciation accrued over the horizon.");
        d.put("maintenance_usd", "Maintenance accrued over the horizon.");
        d.put(
                "hours_power_capped",
                "Site-hours in which training was power-capped to stay within the grid connection.");
        d.put("hours_above_capacity", "Site-hours in which a site drew more than its grid connection.");
        d.put("events", "Events the simulator processed (a measure of its work, not of the fleet).");
        d.put("accelerators", "Accelerators in the fleet (all deployments).");
        d.put("capex_usd", "Capex of every deployment.");
        d.put(
                "tco_usd_per_year",
                "Total cost of ownership in a year at the horizon's end: depreciation, opex, energy.");
        d.put("usd_per_gpu_hour", "That TCO per accelerator-hour.");
        d.put("energy_mwh_per_year", "Energy at the meters in a year at the horizon's end.");
        d.put("co2e_tonnes_per_year", "Its location-based emissions.");
        d.put("co2e_tonnes_per_year_market", "Its market-based emissions.");
        d.put("peak_facility_power_mw", "Sum of the sites' peak facility power at nameplate.");
        d.put("sites_not_fitting", "Sites whose peak does not fit their grid connection.");
        d.put("site.<name>.peak_power_mw", "The site's highest hourly facility power.");
        d.put("site.<name>.energy_mwh", "The site's energy at the meter over the horizon.");
        d.put("site.<name>.utilisation", "Share of the site's accelerator-hours training or serving.");
        d.put("service.<name>.slo_attainment", "Share of hours in which all of the service's demand was served.");
        d.put("site.<name>.peak_facility_power_mw", "The site's peak facility power at nameplate.");
        d.put("training.<name>.gpu_hours", "Accelerator-hours the training job needs.");
        d.put("training.<name>.ettr", "Its effective training time ratio (useful ÷ wall time).");
        d.put("inference.<name>.accelerators", "Accelerators the service needs at peak.");
        d.put("inference.<name>.usd_per_million_tokens", "Its cost per million output tokens.");
        return Collections.unmodifiableMap(d);
    }

    /** Plan KPIs, fleet-level and per entry, in the order {@link #of(Plan)} gives them. */
    private static final List<String[]> PLAN_NAMES = List.of(
            new String[] {"accelerators", "accelerators"},
            new String[] {"capex_usd", "USD"},
            new String[] {"capex_in_horizon_usd", "USD"},
            new String[] {"tco_usd_per_year", "USD/year"},
            new String[] {"usd_per_gpu_hour", "USD/accelerator-h"},
            new String[] {"energy_mwh_per_year", "MWh/year"},
            new String[] {"co2e_tonnes_per_year", "tCO2e/year"},
            new String[] {"co2e_tonnes_per_year_market", "tCO2e/year"},
            new String[] {"peak_facility_power_mw", "MW"},
            new String[] {"sites_not_fitting", "sites"},
            new String[] {"site.<name>.peak_facility_power_mw", "MW"},
            new String[] {"training.<name>.gpu_hours", "accelerator-h"},
            new String[] {"training.<name>.ettr", "share"},
            new String[] {"inference.<name>.accelerators", "accelerators"},
            new String[] {"inference.<name>.usd_per_million_tokens", "USD/Mtok"});

    /** Per-site and per-service simulation KPIs, in the order {@link #of(SimulationResult)} gives them. */
    private static final List<String[]> SIMULATION_PER_ENTRY = List.of(
            new String[] {"site.<name>.peak_power_mw", "MW"},
            new String[] {"site.<name>.energy_mwh", "MWh"},
            new String[] {"site.<name>.utilisation", "share"},
            new String[] {"service.<name>.slo_attainment", "share"});

    /**
     * Every KPI as a Markdown table: name, unit, the engines that give it and what it means; the
     * table docs/results.md shows.
     */
    public static String markdown() {
        Map<String, String[]> rows = new LinkedHashMap<>(); // name -> unit, plan, simulate
        for (SimulationKpi k : SIMULATION) {
            rows.put(k.name(), new String[] {k.unit(), "", "yes"});
        }
        for (String[] k : SIMULATION_PER_ENTRY) {
            rows.put(k[0], new String[] {k[1], "", "yes"});
        }
        for (String[] k : PLAN_NAMES) {
            rows.computeIfAbsent(k[0], n -> new String[] {k[1], "", ""})[1] = "yes";
        }
        StringBuilder out = new StringBuilder("| KPI | unit | plan | simulate | meaning |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, String[]> r : rows.entrySet()) {
            String description = DESCRIPTIONS.get(r.getKey());
            if (description == null) {
                throw new IllegalStateException("KPI " + r.getKey() + " has no description");
            }
            out.append("| `")
                    .append(r.getKey())
                    .append("` | ")
                    .append(r.getValue()[0])
                    .append(" | ")
                    .append(r.getValue()[1])
                    .append(" | ")
                    .append(r.getValue()[2])
                    .append(" | ")
                    .append(description)
                    .append(" |\n");
        }
        return out.toString();
    }

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
