package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Catalog;
import java.time.LocalDate;
import java.util.List;

/**
 * One infrastructure plan, as read and validated from a scenario file: where the power is, what is
 * deployed, what it must train and serve, and the financial and reliability assumptions.
 *
 * @param catalog the built-in catalog extended by user catalogs and the scenario's own entries
 * @param simulation settings of the discrete-event simulator
 * @param jobMix generated training workloads for the simulator
 * @param optimization what {@code gigawatt optimize} may buy and build, or null when the scenario has no
 *     {@code optimize:} section (the planner and simulator ignore it)
 */
public record Scenario(
        String name,
        String description,
        long seed,
        Horizon horizon,
        List<Site> sites,
        List<Deployment> fleet,
        List<TrainingJob> training,
        List<InferenceService> inference,
        Finance finance,
        Reliability reliability,
        Catalog catalog,
        SimulationSettings simulation,
        List<JobMix> jobMix,
        Optimization optimization) {
    public Scenario {
        sites = List.copyOf(sites);
        fleet = List.copyOf(fleet);
        training = List.copyOf(training);
        inference = List.copyOf(inference);
        jobMix = List.copyOf(jobMix);
    }

    /** Electricity price at {@code site}: its own, else {@code finance.electricityPrice}, else its grid's, USD/MWh. */
    public double electricityPriceUsdPerMwh(Site site) {
        if (!Double.isNaN(site.electricityPriceUsdPerMwh())) {
            return site.electricityPriceUsdPerMwh();
        }
        if (!Double.isNaN(finance.electricityPriceUsdPerMwh())) {
            return finance.electricityPriceUsdPerMwh();
        }
        return site.grid().electricityPriceUsdPerMwh();
    }

    /**
     * When a site whose capacity is one value (no dates) was built, for its facility capex: with its
     * first deployment if that is before the horizon, else at the horizon's start.
     */
    public LocalDate siteBuilt(Site site, List<Deployment> deployments) {
        return deployments.stream()
                .filter(d -> d.site().equals(site.name()))
                .map(Deployment::inService)
                .min(LocalDate::compareTo)
                .filter(d -> d.isBefore(horizon.start()))
                .orElse(horizon.start());
    }

    /** The site named {@code name}, or null. */
    public Site site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
