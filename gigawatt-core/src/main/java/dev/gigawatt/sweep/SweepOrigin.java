package dev.gigawatt.sweep;

import java.util.Map;

/**
 * Where a sweep was read from, for messages: the sweep file and its base scenario as the user would
 * name them, the line of each key in the sweep file ({@code outputs[2]}, {@code axes[0].path}), and
 * for each scenario path the sweep sets, the key of the sweep file that names it.
 *
 * @param lines sweep-file path → 1-based line
 * @param keys scenario path ({@code sites[1].pue}) → the sweep-file path that names it ({@code axes[0].path})
 */
public record SweepOrigin(String fileName, String scenarioName, Map<String, Integer> lines, Map<String, String> keys) {
    public SweepOrigin {
        lines = Map.copyOf(lines);
        keys = Map.copyOf(keys);
    }

    /** An origin without lines, for sweeps built in code. */
    public static SweepOrigin unknown(String fileName, String scenarioName) {
        return new SweepOrigin(fileName, scenarioName, Map.of(), Map.of());
    }

    /** The 1-based line of {@code path} in the sweep file; 0 when unknown. */
    public int line(String path) {
        return lines.getOrDefault(path, 0);
    }

    /** The sweep-file path that sets {@code scenarioPath}, or {@code scenarioPath} itself when unknown. */
    public String keyOf(String scenarioPath) {
        return keys.getOrDefault(scenarioPath, scenarioPath);
    }
}
