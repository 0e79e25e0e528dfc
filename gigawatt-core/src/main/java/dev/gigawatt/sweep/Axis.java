package dev.gigawatt.sweep;

import java.util.List;

/**
 * A deterministic axis of a sweep: every value is combined with every value of the other axes.
 *
 * @param values the scenario text to write at {@code path}, one per point
 * @param numbers the number in each value (its position in the list for text values such as scheduler names)
 */
public record Axis(String path, List<String> values, List<Double> numbers) {
    public Axis {
        values = List.copyOf(values);
        numbers = List.copyOf(numbers);
    }
}
