package dev.gigawatt.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: the values written into the scenario and the numbers they carry.
 *
 * @param values scenario path → text written there
 * @param numbers scenario path → the number in that text (NaN when it has none), for sensitivity
 */
public record SweepPoint(int index, Map<String, String> values, Map<String, Double> numbers) {
    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }
}
