package dev.gigawatt.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * The shadow prices of a plan's limits: the duals of the limit rows of the linear program of the plan's
 * purchases, made continuous, with every workload and capacity step where the plan puts it. Each says
 * what one more unit of the limit would save at the margin, the choices staying as they are: what the
 * purchases can trade (which type, site and quarter to buy the accelerators a vendor share or a
 * delivery limit forces) is priced; a limit that binds only by keeping a workload or a step off an
 * option is not (the price re-solves of {@link Sensitivity} show those). A limit's rows in several
 * quarters (a site's grid, a type's deliveries) are summed from the first quarter whose row has a
 * price: one more MW from then on.
 */
final class ShadowPrices {
    /** Duals below this, in the program's money ($M per unit), are solver noise: $1 per unit. */
    private static final double NOISE = 1e-6;

    private ShadowPrices() {}

    /** The priced limits of {@code d}, in the order the program lists its rows; empty when the program has no optimum. */
    static List<ShadowPrice> of(BuildOut p, Decisions d) {
        MipSolver m = MipSolver.pricing(p, d);
        if (Double.isNaN(m.solveLinear())) {
            return List.of();
        }
        List<ShadowPrice> out = new ArrayList<>();
        List<MipSolver.Limit> limits = m.limits();
        for (int i = 0; i < limits.size(); ) {
            MipSolver.Limit first = limits.get(i);
            int end = i + 1;
            while (end < limits.size()
                    && first.quarter() >= 0
                    && limits.get(end).kind().equals(first.kind())
                    && limits.get(end).subject().equals(first.subject())) {
                end++;
            }
            double saving = 0;
            int from = -1;
            for (int r = i; r < end; r++) {
                double value = -limits.get(r).row().dualValue();
                if (value > NOISE) {
                    from = from < 0 ? r : from;
                }
                if (from >= 0) {
                    saving += value;
                }
            }
            if (from >= 0 && saving > NOISE) {
                out.add(price(p, first, limits.get(from), MipSolver.usd(saving), m.boughtValue()));
            }
            i = end;
        }
        return out;
    }

    private static ShadowPrice price(
            BuildOut p, MipSolver.Limit limit, MipSolver.Limit from, double savingUsd, double bought) {
        String quarter = from.quarter() >= 0 ? p.quarters().get(from.quarter()).label() : "";
        return switch (limit.kind()) {
            case "power" -> new ShadowPrice("power", limit.subject(), quarter, "MW", savingUsd);
            case "deliveries" ->
                new ShadowPrice("deliveries", limit.subject(), quarter, "accelerator a quarter", savingUsd);
            case "budget" -> new ShadowPrice("budget", limit.subject(), "", "$1M", savingUsd);
            case "co2e" -> new ShadowPrice("co2e", "", "", "tCO2e", savingUsd);
            // The row is Σ (own − share) x ≤ 0: a share larger by δ frees δ × Σx accelerators.
            case "vendor" ->
                new ShadowPrice("vendor", limit.subject(), "", "percentage point", savingUsd * 0.01 * bought);
            default -> throw new IllegalStateException("no price for a " + limit.kind() + " row");
        };
    }
}
