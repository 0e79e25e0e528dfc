package dev.gigawatt.optimize;

import dev.gigawatt.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How a plan's cost depends on what was given: the shadow prices of its limits, and the plan chosen
 * when one candidate's price moves by {@link #PRICE_STEP} (up for the types bought, down for those not
 * bought).
 */
public record Sensitivity(List<ShadowPrice> shadowPrices, List<PriceChange> priceChanges) {
    /** The relative price move of each re-solve: 10 %. */
    public static final double PRICE_STEP = 0.10;

    public Sensitivity {
        shadowPrices = List.copyOf(shadowPrices);
        priceChanges = List.copyOf(priceChanges);
    }

    /** The sensitivity of {@code outcome}, a plan for {@code scenario}, the repriced problems from the planner. */
    public static Sensitivity of(Scenario scenario, Outcome outcome) {
        return of(outcome, (t, factor) -> Coefficients.repriced(scenario, outcome.problem(), t, factor));
    }

    /**
     * The sensitivity of {@code outcome}, with {@code repriced} giving the problem with type t's price
     * × factor; empty when the outcome has no plan.
     */
    public static Sensitivity of(Outcome outcome, BiFunction<Integer, Double, BuildOut> repriced) {
        if (!outcome.feasible()) {
            return new Sensitivity(List.of(), List.of());
        }
        BuildOut p = outcome.problem();
        Decisions d = outcome.decisions();
        List<PriceChange> changes = new ArrayList<>();
        Map<String, Long> mix = PriceChange.mix(p, d);
        for (int t = 0; t < p.types().size(); t++) {
            BuildOut.Kind kind = p.types().get(t);
            if (!kind.buyable()) {
                continue;
            }
            double factor = mix.get(kind.name()) > 0 ? 1 + PRICE_STEP : 1 - PRICE_STEP;
            Outcome moved = Optimizer.solve(repriced.apply(t, factor));
            if (!moved.feasible()) {
                changes.add(new PriceChange(kind.name(), factor, Map.of(), false, false, Double.NaN));
                continue;
            }
            Map<String, Long> newMix = PriceChange.mix(moved.problem(), moved.decisions());
            boolean samePlan = Arrays.deepEquals(d.bought(), moved.decisions().bought())
                    && Arrays.equals(d.stepQuarter(), moved.decisions().stepQuarter());
            double change =
                    moved.costs().objectiveUsd(p.objective()) - outcome.costs().objectiveUsd(p.objective());
            changes.add(new PriceChange(kind.name(), factor, newMix, newMix.equals(mix), samePlan, change));
        }
        return new Sensitivity(ShadowPrices.of(p, d), changes);
    }
}
