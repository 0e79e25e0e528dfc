package dev.gigawatt.sim;

import dev.gigawatt.plan.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one simulation run produced: hourly series per site, job outcomes and event log,
 * service outcomes and counters of the run itself.
 *
 * @param jobs every job's outcome, in index order; empty for a run without job records
 *     ({@link SimulationOptions#kpisOnly()})
 * @param jobTotals the jobs' outcomes summed, whether or not the run keeps their records
 * @param events simulation events processed (a measure of the run's cost)
 * @param money capex, depreciation and maintenance over the horizon
 */
public record SimulationResult(
        String scenario,
        long seed,
        long replication,
        LocalDate start,
        int hours,
        List<SiteSeries> sites,
        List<JobRecord> jobs,
        JobTotals jobTotals,
        List<JobEvent> jobEvents,
        List<ServiceRecord> services,
        long events,
        Money money) {
    public SimulationResult {
        sites = List.copyOf(sites);
        jobs = List.copyOf(jobs);
        jobEvents = List.copyOf(jobEvents);
        services = List.copyOf(services);
    }

    /** Facility energy of every site, MWh. */
    public double totalFacilityEnergyMwh() {
        return sites.stream().mapToDouble(SiteSeries::totalFacilityEnergyMwh).sum();
    }

    /** Accelerator-hours of every site in every state. */
    public double totalGpuHours() {
        return sites.stream().mapToDouble(SiteSeries::totalGpuHours).sum();
    }

    /** Training goodput of every job: useful accelerator-hours ÷ accelerator-hours held. */
    public double trainingGoodput() {
        return jobTotals.goodput();
    }

    /** Share of held training accelerator-hours not lost to failures and preemptions: 1 − lost ÷ held. */
    public double trainingKeptShare() {
        return jobTotals.keptShare();
    }
}
