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
     * Net present value of an investment with constant yearly net cash flow, USD.
     *
     * @param capexUsd up-front investment, USD
     * @param netUsdPerYear revenue minus operating cost each year, USD/year
     * @param rate discount rate, 0..1
     * @param years whole years of cash flow
     */
    public static double npvUsd(double capexUsd, double netUsdPerYear, double rate, int years) {
        double npv = -capexUsd;
        for (int t = 1; t <= years; t++) {
            npv += netUsdPerYear / Math.pow(1 + rate, t);
        }
        return npv;
    }
}
