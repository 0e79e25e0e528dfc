package dev.gigawatt.optimize;

/**
 * The money a set of decisions commits: capex of what is bought and built, and its cost of ownership
 * over the rest of the horizon.
 *
 * @param acceleratorCapexUsd IT capex of the accelerators bought, USD
 * @param facilityCapexUsd facility capex of the capacity steps built, USD
 * @param acceleratorTcoUsd the planner's TCO of the accelerators bought from their quarter to the horizon's
 *     end (annualised IT capex, maintenance, electricity), USD
 * @param facilityTcoUsd annualised facility capex of the steps built, from their quarter to the horizon's end, USD
 * @param npvUsd the plan's net present value ({@link Npv}): the services' revenue less what is bought and built,
 *     valued at the horizon's start, USD; NaN when the problem has no NPV terms
 */
public record Costs(
        double acceleratorCapexUsd,
        double facilityCapexUsd,
        double acceleratorTcoUsd,
        double facilityTcoUsd,
        double npvUsd) {
    /** The costs of {@code d}. */
    public static Costs of(BuildOut p, Decisions d) {
        double itCapex = 0;
        double itTco = 0;
        Npv npv = p.npv();
        double value = npv == null ? Double.NaN : npv.revenueUsd();
        for (int t = 0; t < p.types().size(); t++) {
            for (int s = 0; s < p.sites().size(); s++) {
                for (int q = 0; q < p.quarters().size(); q++) {
                    long n = d.bought()[t][s][q];
                    itCapex += n * p.types().get(t).itCapexUsd();
                    itTco += n * p.tcoUsdPerYear()[t][s] * p.yearsRemaining(q);
                    if (npv != null && n > 0) {
                        value += n * npv.unitUsd()[t][s] * npv.discount(p, q);
                    }
                }
            }
        }
        double facilityCapex = 0;
        double facilityTco = 0;
        for (int k = 0; k < p.steps().size(); k++) {
            int q = d.stepQuarter()[k];
            if (q >= 0) {
                double usd = p.steps().get(k).costUsd();
                facilityCapex += usd;
                facilityTco += usd * p.facilityRecoveryPerYear() * p.yearsRemaining(q);
                if (npv != null) {
                    value += npv.stepUsd()[k] * npv.discount(p, q);
                }
            }
        }
        return new Costs(itCapex, facilityCapex, itTco, facilityTco, value);
    }

    /** Capex in total, USD. */
    public double capexUsd() {
        return acceleratorCapexUsd + facilityCapexUsd;
    }

    /** TCO over the horizon in total, USD. */
    public double tcoUsd() {
        return acceleratorTcoUsd + facilityTcoUsd;
    }

    /** The value of {@code objective} ({@code tco}, {@code capex} or {@code npv}, the one maximised), USD. */
    public double objectiveUsd(String objective) {
        return switch (objective) {
            case "capex" -> capexUsd();
            case "npv" -> npvUsd;
            default -> tcoUsd();
        };
    }
}
