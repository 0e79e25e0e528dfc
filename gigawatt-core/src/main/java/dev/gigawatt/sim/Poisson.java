package dev.gigawatt.sim;

import java.util.SplittableRandom;

/**
 * Poisson-distributed counts: exact inversion by sequential search for small means, a rounded
 * normal approximation above {@value #NORMAL_ABOVE} (where its error is below 1 %).
 *
 * @see <a href="https://doi.org/10.1007/978-1-4613-8643-8">Devroye, Non-Uniform Random Variate Generation (1986), X.3</a>
 */
final class Poisson {
    static final double NORMAL_ABOVE = 500;

    private Poisson() {}

    /** A Poisson draw with mean {@code mean >= 0}. */
    static long sample(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > NORMAL_ABOVE) {
            double gaussian =
                    Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
        }
        double u = random.nextDouble();
        double p = Math.exp(-mean);
        double cumulative = p;
        long k = 0;
        while (u > cumulative && k < 10_000) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }
}
