package dev.gigawatt.sweep;

import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * An uncertain scenario input: a distribution over numbers written with a fixed unit.
 *
 * @param path where in the scenario the value goes, e.g. {@code finance.acceleratorPrices.GB200}
 * @param distribution the distribution of the number, in the unit of {@code prefix} and {@code suffix}
 * @param prefix text before the number, e.g. {@code $}
 * @param suffix text after the number, e.g. {@code  h} or {@code %}
 * @param description the distribution as written, for reports
 */
public record Uncertain(
        String path, ContinuousDistribution distribution, String prefix, String suffix, String description) {
    /** The value at cumulative probability {@code p} as the scenario text to write, and its number. */
    public Value at(double p) {
        double x = distribution.inverseCumulativeProbability(p);
        return new Value(prefix + SweepNumbers.format(x) + suffix, x);
    }

    /** A sampled value: the text written into the scenario and the number it carries. */
    public record Value(String text, double number) {}
}
