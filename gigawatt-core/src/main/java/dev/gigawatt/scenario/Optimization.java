package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code optimize:} section of a scenario: what {@code gigawatt optimize} may buy and build, and
 * the limits its plan must keep. Decisions are made per quarter of the horizon (three-month periods
 * from {@code horizon.start}).
 *
 * @param objective {@code tco} (cost over the horizon), {@code capex} or {@code npv} (maximised)
 * @param timeLimitSeconds wall-clock limit of the solver, s
 * @param accelerators the accelerator types that may be bought
 * @param sites the sites that may receive new accelerators (every site when the section names none)
 * @param capacitySteps grid connections that may be built, each at most once
 * @param deadlines the date by which each named training job must finish; jobs not named must finish
 *     by the horizon's end
 * @param budgetsUsdByYear capex allowed per calendar year for new accelerators and capacity steps, USD
 * @param maxCo2eKg market-based operational emissions of the whole fleet over the horizon, kg; NaN for no limit
 * @param maxVendorShare the largest share of the accelerators bought that one vendor may supply, 0..1; NaN
 *     for no limit
 */
public record Optimization(
        String objective,
        double timeLimitSeconds,
        List<Candidate> accelerators,
        List<String> sites,
        List<StepOption> capacitySteps,
        Map<String, LocalDate> deadlines,
        Map<Integer, Double> budgetsUsdByYear,
        double maxCo2eKg,
        double maxVendorShare) {
    /** The objectives the solver knows, as written in files. */
    public static final List<String> OBJECTIVES = List.of("tco", "capex", "npv");

    public Optimization {
        accelerators = List.copyOf(accelerators);
        sites = List.copyOf(sites);
        capacitySteps = List.copyOf(capacitySteps);
        deadlines = Collections.unmodifiableMap(new LinkedHashMap<>(deadlines));
        budgetsUsdByYear = Collections.unmodifiableMap(new TreeMap<>(budgetsUsdByYear));
    }

    /** This section with another objective (the command line may override the file's). */
    public Optimization withObjective(String newObjective) {
        return new Optimization(
                newObjective,
                timeLimitSeconds,
                accelerators,
                sites,
                capacitySteps,
                deadlines,
                budgetsUsdByYear,
                maxCo2eKg,
                maxVendorShare);
    }

    /**
     * An accelerator type that may be bought.
     *
     * @param priceUsd purchase price per accelerator, USD; NaN for the scenario's price of the type
     * @param available the first day it can be delivered, or null for the horizon's start
     * @param deliveriesPerQuarter the most that can be delivered in one quarter; 0 for no limit
     */
    public record Candidate(Accelerator accelerator, double priceUsd, LocalDate available, long deliveriesPerQuarter) {}

    /**
     * A grid connection that may be built: {@code powerWatts} more at {@code site} from the start of
     * the quarter chosen, not before {@code earliest}.
     *
     * @param powerWatts capacity added at the meter, W
     * @param costUsd facility capex of the step, USD; NaN for {@code finance.facilityCost} × power
     */
    public record StepOption(String name, String site, double powerWatts, LocalDate earliest, double costUsd) {}
}
