package dev.gigawatt.metrics;

import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.scenario.Scenario;
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

    /**
     * A KPI read from a run's result or from one of its entries (a site, a job, a service): its name
     * (the part after {@code site.<name>.} for an entry's), its unit and how it is read.
     */
    private record Metric<T>(String name, String unit, ToDoubleFunction<T> value) {}

    /**
     * What each KPI means, by name: one sentence for docs/results.md (generated from {@link
     * #markdown()} and checked by a test). A name both engines give means the same figure in both: the
     * plan's over the horizon is at each site's planned utilisation, the simulation's is what it ran.
     */
    private static final Map<String, String> DESCRIPTIONS = descriptions();

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(
                "energy_mwh",
                "Energy at the meters of every site over the horizon (the plan's at each site's planned utilisation).");
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

    /**
     * Every KPI as a Markdown table: name, unit, the engines that give it and what it means; the
     * table docs/results.md shows.
     */
    public static String markdown() {
        Map<String, String[]> rows = new LinkedHashMap<>(); // name -> unit, plan, simulate
        addRows(rows, "", SIMULATION, 2);
        addRows(rows, "site.<name>.", SIMULATION_SITE, 2);
        addRows(rows, "service.<name>.", SIMULATION_SERVICE, 2);
        addRows(rows, "", PLAN, 1);
        addRows(rows, "site.<name>.", PLAN_SITE, 1);
        addRows(rows, "training.<name>.", PLAN_TRAINING, 1);
        addRows(rows, "inference.<name>.", PLAN_INFERENCE, 1);
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

    /** Adds a row per metric, marking engine column {@code engine} (1 plan, 2 simulate). */
    private static void addRows(
            Map<String, String[]> rows, String prefix, List<? extends Metric<?>> metrics, int engine) {
        for (Metric<?> m : metrics) {
            rows.computeIfAbsent(prefix + m.name(), n -> new String[] {m.unit(), "", ""})[engine] = "yes";
        }
    }

    /**
     * The fleet-level KPIs of a simulation, in the order they are recorded: one list that both {@link
     * #of(SimulationResult)} and {@link #simulationNames} read. Names the plan also gives mean the same
     * there (energy, emissions, water, accelerator-hours and money over the horizon), so {@code compare}
     * across engines lines them up.
     */
    private static final List<Metric<SimulationResult>> SIMULATION = List.of(
            new Metric<>("energy_mwh", "MWh", SimulationResult::totalFacilityEnergyMwh),
            new Metric<>("co2e_tonnes_location", "tCO2e", r -> sum(r, SiteSeries::totalCo2eTonnesLocation)),
            new Metric<>("co2e_tonnes_market", "tCO2e", r -> sum(r, SiteSeries::totalCo2eTonnesMarket)),
            new Metric<>("water_m3", "m3", r -> sum(r, SiteSeries::totalWaterM3)),
            new Metric<>("gpu_hours", "accelerator-h", SimulationResult::totalGpuHours),
            new Metric<>("training_goodput", "share", SimulationResult::trainingGoodput),
            new Metric<>("training_kept_share", "share", SimulationResult::trainingKeptShare),
            new Metric<>("jobs", "jobs", r -> r.jobTotals().jobs()),
            new Metric<>("jobs_completed", "jobs", r -> r.jobTotals().completed()),
            new Metric<>("interruptions", "count", r -> r.jobTotals().interruptions()),
            new Metric<>("lost_gpu_hours", "accelerator-h", r -> r.jobTotals().lostGpuHours()),
            new Metric<>("unmet_tokens", "tokens", r -> r.services().stream()
                    .mapToDouble(ServiceRecord::unmetTokens)
                    .sum()),
            new Metric<>("min_slo_attainment", "share", r -> r.services().stream()
                    .mapToDouble(ServiceRecord::sloAttainment)
                    .min()
                    .orElse(Double.NaN)),
            new Metric<>("energy_cost_usd", "USD", r -> sum(r, SiteSeries::totalEnergyCostUsd)),
            new Metric<>("capex_in_horizon_usd", "USD", r -> r.money().capexUsd()),
            new Metric<>("depreciation_usd", "USD", r -> r.money().depreciationUsd()),
            new Metric<>("maintenance_usd", "USD", r -> r.money().maintenanceUsd()),
            new Metric<>("hours_power_capped", "site-h", r -> r.sites().stream()
                    .mapToInt(SiteSeries::hoursPowerCapped)
                    .sum()),
            new Metric<>("hours_above_capacity", "site-h", r -> r.sites().stream()
                    .mapToInt(SiteSeries::hoursAboveCapacity)
                    .sum()),
            new Metric<>("events", "events", SimulationResult::events));

    /** KPIs of each site of a simulation, named {@code site.<name>.NAME}. */
    private static final List<Metric<SiteSeries>> SIMULATION_SITE = List.of(
            new Metric<>("peak_power_mw", "MW", SiteSeries::peakFacilityPowerMw),
            new Metric<>("energy_mwh", "MWh", SiteSeries::totalFacilityEnergyMwh),
            new Metric<>("utilisation", "share", SiteSeries::utilisation));

    /** KPIs of each service of a simulation, named {@code service.<name>.NAME}. */
    private static final List<Metric<ServiceRecord>> SIMULATION_SERVICE =
            List.of(new Metric<>("slo_attainment", "share", ServiceRecord::sloAttainment));

    /** Fleet-level KPIs of a plan. */
    private static final List<Metric<Plan>> PLAN = List.of(
            new Metric<>("accelerators", "accelerators", p -> p.fleet().accelerators()),
            new Metric<>("capex_usd", "USD", p -> p.fleet().capexUsd()),
            new Metric<>("capex_in_horizon_usd", "USD", p -> p.fleet().capexInHorizonUsd()),
            new Metric<>("energy_mwh", "MWh", p -> inHorizon(p, SitePlan.InHorizon::energyMwh)),
            new Metric<>("co2e_tonnes_location", "tCO2e", p -> inHorizon(p, SitePlan.InHorizon::co2eTonnesLocation)),
            new Metric<>("co2e_tonnes_market", "tCO2e", p -> inHorizon(p, SitePlan.InHorizon::co2eTonnesMarket)),
            new Metric<>("water_m3", "m3", p -> inHorizon(p, SitePlan.InHorizon::waterM3)),
            new Metric<>("gpu_hours", "accelerator-h", p -> inHorizon(p, SitePlan.InHorizon::gpuHours)),
            new Metric<>("energy_cost_usd", "USD", p -> inHorizon(p, SitePlan.InHorizon::energyCostUsd)),
            new Metric<>("depreciation_usd", "USD", p -> p.fleet().inHorizon().depreciationUsd()),
            new Metric<>("maintenance_usd", "USD", p -> p.fleet().inHorizon().maintenanceUsd()),
            new Metric<>("tco_usd_per_year", "USD/year", p -> p.fleet().tcoUsdPerYear()),
            new Metric<>("usd_per_gpu_hour", "USD/accelerator-h", p -> p.fleet().usdPerGpuHour()),
            new Metric<>("energy_mwh_per_year", "MWh/year", p -> p.fleet().energyMwhPerYear()),
            new Metric<>("co2e_tonnes_per_year", "tCO2e/year", p -> p.fleet().co2eTonnesPerYear()),
            new Metric<>(
                    "co2e_tonnes_per_year_market", "tCO2e/year", p -> p.fleet().co2eTonnesPerYearMarket()),
            new Metric<>("peak_facility_power_mw", "MW", p -> p.sites().stream()
                    .mapToDouble(SitePlan::peakFacilityPowerMw)
                    .sum()),
            new Metric<>("sites_not_fitting", "sites", p -> p.sites().stream()
                    .filter(site -> !site.fits())
                    .count()));

    /** KPIs of each site of a plan, named {@code site.<name>.NAME}. */
    private static final List<Metric<SitePlan>> PLAN_SITE = List.of(
            new Metric<>("peak_facility_power_mw", "MW", SitePlan::peakFacilityPowerMw),
            new Metric<>("energy_mwh", "MWh", s -> s.inHorizon().energyMwh()));

    /** KPIs of each training job of a plan, named {@code training.<name>.NAME}. */
    private static final List<Metric<TrainingPlan>> PLAN_TRAINING = List.of(
            new Metric<>("gpu_hours", "accelerator-h", TrainingPlan::gpuHours),
            new Metric<>("ettr", "share", TrainingPlan::ettr));

    /** KPIs of each service of a plan, named {@code inference.<name>.NAME}. */
    private static final List<Metric<InferencePlan>> PLAN_INFERENCE = List.of(
            new Metric<>("accelerators", "accelerators", InferencePlan::accelerators),
            new Metric<>("usd_per_million_tokens", "USD/Mtok", InferencePlan::usdPerMillionTokens));

    /** Adds {@code metrics} of {@code entry}, named {@code prefix + name}. */
    private static <T> void add(List<Kpi> out, String prefix, T entry, List<Metric<T>> metrics) {
        for (Metric<T> m : metrics) {
            out.add(new Kpi(prefix + m.name(), m.value().applyAsDouble(entry), m.unit()));
        }
    }

    private static double inHorizon(Plan plan, ToDoubleFunction<SitePlan.InHorizon> perSite) {
        return plan.sites().stream()
                .mapToDouble(s -> perSite.applyAsDouble(s.inHorizon()))
                .sum();
    }

    private static double sum(SimulationResult r, ToDoubleFunction<SiteSeries> perSite) {
        return r.sites().stream().mapToDouble(perSite).sum();
    }

    /** KPIs of a simulation. */
    public static List<Kpi> of(SimulationResult r) {
        List<Kpi> k = new ArrayList<>();
        add(k, "", r, SIMULATION);
        for (SiteSeries s : r.sites()) {
            add(k, "site." + s.name() + ".", s, SIMULATION_SITE);
        }
        for (ServiceRecord s : r.services()) {
            add(k, "service." + s.name() + ".", s, SIMULATION_SERVICE);
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
        SIMULATION.forEach(m -> names.add(m.name()));
        for (var site : scenario.sites()) {
            SIMULATION_SITE.forEach(m -> names.add("site." + site.name() + "." + m.name()));
        }
        for (var service : scenario.inference()) {
            SIMULATION_SERVICE.forEach(m -> names.add("service." + service.name() + "." + m.name()));
        }
        return names;
    }

    /** KPIs of a plan. */
    public static List<Kpi> of(Plan plan) {
        List<Kpi> k = new ArrayList<>();
        add(k, "", plan, PLAN);
        for (SitePlan s : plan.sites()) {
            add(k, "site." + s.name() + ".", s, PLAN_SITE);
        }
        for (TrainingPlan t : plan.training()) {
            add(k, "training." + t.name() + ".", t, PLAN_TRAINING);
        }
        for (InferencePlan i : plan.inference()) {
            add(k, "inference." + i.name() + ".", i, PLAN_INFERENCE);
        }
        return k;
    }
}
