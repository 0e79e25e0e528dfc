package dev.gigawatt.sweep;

import java.util.Map;

/**
 * One point of a sweep: the values written into the scenario and the numbers they carry.
 *
 * @param values scenario path → text written there
 * @param numbers scenario path → the number in that text (NaN when it has none), for sensitivity
 */
public record SweepPoint(int index, Map<String, String> values, Map<String, Double> numbers) {
    public SweepPoint {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        numbers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbers));
    }
}
