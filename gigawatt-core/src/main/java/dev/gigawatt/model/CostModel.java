package dev.gigawatt.model;

/**
 * Capital and operating cost arithmetic: straight-line book depreciation and the economic
 * (annuity) cost of capital.
 *
 * @see <a href="https://www.nrel.gov/docs/legosti/old/5173.pdf">Short, Packey, Holt, A Manual for the Economic Evaluation of Energy Efficiency and Renewable Energy Technologies, NREL (1995), Sec. 4: capital recovery factor</a>
 */
public final class CostModel {
    private CostModel() {}

    /**
     * Capital recovery factor {@code r(1+r)^n / ((1+r)^n − 1)}: the yearly payment that repays one
     * dollar over {@code years} at rate {@code rate}; {@code 1/n} when the rate is zero.
     *
     * @param rate yearly cost of capital, 0..1
     * @param years economic life, years (may be fractional)
     */
    public static double capitalRecoveryFactor(double rate, double years) {
        if (rate == 0) {
            return 1 / years;
        }
        double growth = Math.pow(1 + rate, years);
        return rate * growth / (growth - 1);
    }

    /** Straight-line yearly depreciation of {@code capexUsd} over {@code years}, USD/year. */
    public static double straightLineUsdPerYear(double capexUsd, double years) {
        return capexUsd / years;
    }

    /**
     * Net present value over an evaluation horizon, USD: the up-front investment, a constant yearly
     * net cash flow at the end of each whole year and pro rata for a final part year, and the residual
     * book value of the assets at the horizon's end.
     *
     * @param upfrontUsd investment valued at the start of operation, USD
     * @param netUsdPerYear revenue minus operating cost each year, USD/year
     * @param rate discount rate, 0..1
     * @param years evaluation horizon, years (may be fractional)
     * @param residualUsd book value left at the horizon's end, USD
     */
    public static double npvUsd(
            double upfrontUsd, double netUsdPerYear, double rate, double years, double residualUsd) {
        double npv = -upfrontUsd;
        int whole = (int) Math.floor(years);
        for (int t = 1; t <= whole; t++) {
            npv += netUsdPerYear / Math.pow(1 + rate, t);
        }
        double atEnd = Math.pow(1 + rate, years);
        return npv + (years - whole) * netUsdPerYear / atEnd + residualUsd / atEnd;
    }

    /**
     * Straight-line book value of {@code capexUsd} left after {@code years} of a {@code lifeYears}
     * life, USD (0 once fully depreciated).
     */
    public static double residualBookValueUsd(double capexUsd, double lifeYears, double years) {
        return capexUsd * Math.max(0, 1 - years / lifeYears);
    }

    /**
     * What capex spent evenly over a construction lead time before operation is worth at the start of
     * operation, per dollar: the mean of {@code (1+r)^τ} over τ in [0, lead], which is
     * {@code ((1+r)^L − 1) / (L ln(1+r))}; 1 with no lead time or no cost of capital.
     *
     * @param rate yearly cost of capital, 0..1
     * @param leadYears construction lead time, years
     */
    public static double constructionCarryFactor(double rate, double leadYears) {
        if (rate == 0 || leadYears == 0) {
            return 1;
        }
        return (Math.pow(1 + rate, leadYears) - 1) / (leadYears * Math.log(1 + rate));
    }
}
