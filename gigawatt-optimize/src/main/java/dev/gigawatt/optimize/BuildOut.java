package dev.gigawatt.optimize;

import java.time.LocalDate;
import java.util.List;

/**
 * The build-out problem in plain numbers, ready for a solver: what may be bought and built, what each
 * unit costs, draws and emits, and what each workload needs on each option. {@link Coefficients}
 * derives it from a scenario through the planner; tests write small ones by hand. Arrays are indexed
 * {@code [type][site]} or {@code [type][site][quarter]} in the order of {@link #types()}, {@link #sites()}
 * and {@link #quarters()}; they are not copied, and nothing changes them after construction.
 *
 * @param fixed accelerators of the fixed fleet (in service or committed) in service throughout each quarter,
 *     per type and site: what workloads may use
 * @param drawing accelerators of the fixed fleet in service at some time in each quarter: what the grid
 *     must power
 * @param facilityWatts peak facility power per accelerator in service (nameplate IT power × the worst
 *     monthly PUE, as the planner's grid check counts it), W
 * @param tcoUsdPerYear the planner's TCO of one accelerator-year (annualised IT capex, maintenance and
 *     electricity at the site's utilisation), USD/year
 * @param co2eKgPerYear market-based operational emissions of one accelerator-year, kg/year
 * @param facilityRecoveryPerYear capital recovery factor of facility capex, 1/year
 * @param maxCo2eKg limit on the fleet's market-based emissions over the horizon, kg; NaN for none
 * @param maxVendorShare the largest share of bought accelerators one vendor may supply, 0..1; NaN for none
 * @param npv the net present value terms, for the {@code npv} objective; null when the problem has none
 */
public record BuildOut(
        String objective,
        List<Quarter> quarters,
        List<Kind> types,
        List<Place> sites,
        long[][][] fixed,
        long[][][] drawing,
        double[][] facilityWatts,
        double[][] tcoUsdPerYear,
        double[][] co2eKgPerYear,
        List<Step> steps,
        List<Job> jobs,
        List<Service> services,
        List<Budget> budgets,
        double facilityRecoveryPerYear,
        double maxCo2eKg,
        double maxVendorShare,
        double timeLimitSeconds,
        Npv npv) {
    public BuildOut {
        quarters = List.copyOf(quarters);
        types = List.copyOf(types);
        sites = List.copyOf(sites);
        steps = List.copyOf(steps);
        jobs = List.copyOf(jobs);
        services = List.copyOf(services);
        budgets = List.copyOf(budgets);
    }

    /**
     * An accelerator type: one that may be bought, or one only the fixed fleet has.
     *
     * @param itCapexUsd IT capex of one accelerator (accelerator, server and network shares), USD
     * @param firstQuarter the first quarter it can be delivered in
     * @param deliveriesPerQuarter the most that can be delivered in one quarter; 0 for no limit
     * @param priceUsd purchase price per accelerator written into the plan, USD; NaN for the scenario's own
     */
    public record Kind(
            String name,
            String vendor,
            boolean buyable,
            double itCapexUsd,
            int firstQuarter,
            long deliveriesPerQuarter,
            double priceUsd) {}

    /**
     * A site.
     *
     * @param buyable whether new accelerators may be placed there
     * @param capacityWatts the grid capacity in force throughout each quarter (its lowest value in it), W
     */
    public record Place(String name, boolean buyable, double[] capacityWatts) {}

    /**
     * A grid connection that may be built at the start of one quarter from {@code firstQuarter} on.
     *
     * @param site index into {@link #sites()}
     * @param powerWatts capacity it adds, W
     * @param costUsd its facility capex, USD
     * @param spendShare {@code [energised quarter][budget]}: the share of its capex that falls in each
     *     budget's year when it is energised at the start of that quarter (construction spread)
     */
    public record Step(
            String name, int site, double powerWatts, int firstQuarter, double costUsd, double[][] spendShare) {}

    /**
     * A training job that must finish by its deadline on one of its options.
     *
     * @param accelerators accelerators it holds while it runs
     * @param fastest its shortest run in words, for explaining a deadline no option meets
     */
    public record Job(String name, long accelerators, LocalDate deadline, List<JobOption> options, String fastest) {
        public Job {
            options = List.copyOf(options);
        }
    }

    /**
     * The job on one type at one site from the start of one quarter: it holds its accelerators in the
     * quarters [{@code startQuarter}, {@code endQuarter}).
     *
     * @param days wall-clock days the planner predicts, failures and checkpoints included
     * @param gpuHours accelerator-hours the planner predicts
     */
    public record JobOption(
            int type, int site, int startQuarter, int endQuarter, double days, double gpuHours, LocalDate end) {}

    /** An inference service, served on one of its options throughout the horizon. */
    public record Service(String name, List<ServiceOption> options) {
        public Service {
            options = List.copyOf(options);
        }
    }

    /**
     * The service on one type at one site.
     *
     * @param accelerators accelerators the planner sizes for each quarter's peak demand within the SLOs
     */
    public record ServiceOption(int type, int site, long[] accelerators) {}

    /** Capex allowed in one calendar year for new accelerators and capacity steps, USD. */
    public record Budget(int year, double usd) {}

    /** Years from the start of quarter {@code q} to the horizon's end. */
    public double yearsRemaining(int q) {
        double years = 0;
        for (int i = q; i < quarters.size(); i++) {
            years += quarters.get(i).years();
        }
        return years;
    }
}
