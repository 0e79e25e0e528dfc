package dev.gigawatt.input;

import dev.gigawatt.units.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping being read into a record. Every key asked for is remembered as known;
 * {@link #finish()} then reports the keys nobody asked for, with a "did you mean" hint.
 */
public final class YamlMap {
    private final String path;
    private final Problems problems;
    private final int line;
    private final Map<String, YamlNode> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    YamlMap(MappingNode mapping, String path, Problems problems) {
        this.path = path;
        this.problems = problems;
        this.line = mapping.getStartMark() == null ? 0 : mapping.getStartMark().getLine() + 1;
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                int keyLine = tuple.getKeyNode().getStartMark().getLine() + 1;
                problems.add(path, keyLine, "keys must be plain names, not lists or mappings");
                continue;
            }
            String childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
            YamlNode value = new YamlNode(tuple.getValueNode(), childPath, problems);
            YamlNode first = entries.putIfAbsent(key.getValue(), value);
            if (first != null) {
                problems.add(
                        childPath,
                        key.getStartMark().getLine() + 1,
                        "duplicate key '" + key.getValue() + "' (first on line " + first.line() + ")");
            }
        }
    }

    /** Where this mapping is in the document. */
    public String path() {
        return path;
    }

    /** The 1-based line the mapping starts on. */
    public int line() {
        return line;
    }

    /** The collector every problem goes to. */
    public Problems problems() {
        return problems;
    }

    /** Records a problem about the mapping as a whole. */
    public void problem(String message) {
        problems.add(path, line, message);
    }

    /** True if {@code key} is present (and marks it known). */
    public boolean has(String key) {
        known.add(key);
        return entries.containsKey(key);
    }

    /** The value under {@code key}, or null when absent; marks the key known. */
    public YamlNode optional(String key) {
        known.add(key);
        YamlNode value = entries.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** The value under {@code key}; records "is required" and returns null when it is absent or empty. */
    public YamlNode required(String key) {
        YamlNode value = optional(key);
        if (value == null) {
            problems.add(
                    childPath(key), entries.containsKey(key) ? entries.get(key).line() : line, "is required");
        }
        return value;
    }

    /** A required text value. */
    public String string(String key) {
        YamlNode value = required(key);
        return value == null ? null : value.asString();
    }

    /** A required name (see {@link YamlNode#asName()}). */
    public String name(String key) {
        YamlNode value = required(key);
        return value == null ? null : value.asName();
    }

    /** An optional text value, or {@code fallback}. */
    public String string(String key, String fallback) {
        YamlNode value = optional(key);
        return value == null ? fallback : value.asString();
    }

    /** A required quantity with a unit, in the base unit of {@code dimension}. */
    public double quantity(String key, Dimension dimension, Bound bound) {
        YamlNode value = required(key);
        return value == null ? Double.NaN : value.asQuantity(dimension, bound);
    }

    /** An optional quantity with a unit, or {@code fallback} in the base unit. */
    public double quantity(String key, Dimension dimension, Bound bound, double fallback) {
        YamlNode value = optional(key);
        return value == null ? fallback : value.asQuantity(dimension, bound);
    }

    /** A required fraction ({@code "41%"} or {@code 0.41}). */
    public double fraction(String key, Bound bound) {
        YamlNode value = required(key);
        return value == null ? Double.NaN : value.asFraction(bound);
    }

    /** An optional fraction, or {@code fallback}. */
    public double fraction(String key, Bound bound, double fallback) {
        YamlNode value = optional(key);
        return value == null ? fallback : value.asFraction(bound);
    }

    /** A required plain number (k/M/B/T suffixes allowed in strings). */
    public double number(String key, Bound bound) {
        YamlNode value = required(key);
        return value == null ? Double.NaN : value.asCount(bound);
    }

    /** An optional plain number, or {@code fallback}. */
    public double number(String key, Bound bound, double fallback) {
        YamlNode value = optional(key);
        return value == null ? fallback : value.asCount(bound);
    }

    /** A required whole number in {@code [min, max]}. */
    public long integer(String key, long min, long max) {
        YamlNode value = required(key);
        return value == null ? min - 1 : value.asInteger(min, max);
    }

    /** An optional whole number in {@code [min, max]}, or {@code fallback}. */
    public long integer(String key, long min, long max, long fallback) {
        YamlNode value = optional(key);
        return value == null ? fallback : value.asInteger(min, max);
    }

    /** A required date. */
    public LocalDate date(String key) {
        YamlNode value = required(key);
        return value == null ? null : value.asDate();
    }

    /** An optional date, or {@code fallback}. */
    public LocalDate date(String key, LocalDate fallback) {
        YamlNode value = optional(key);
        return value == null ? fallback : value.asDate();
    }

    /** An optional mapping, or null. */
    public YamlMap map(String key) {
        YamlNode value = optional(key);
        return value == null ? null : value.asMap();
    }

    /** The items of an optional list; empty when absent. */
    public List<YamlNode> list(String key) {
        YamlNode value = optional(key);
        return value == null ? List.of() : value.items();
    }

    /** An optional list of text values; empty when absent. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(key)) {
            String text = item.asString();
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    /** An optional list of names (see {@link YamlNode#asName()}); empty when absent. */
    public List<String> names(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(key)) {
            String text = item.asName();
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    /** All keys in file order (does not mark them known). */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** Reports every key present that was never asked for, with a hint when one is close to a known key. */
    public void finish() {
        for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                problems.add(
                        entry.getValue().path(),
                        entry.getValue().line(),
                        "unknown key '" + entry.getKey() + "'" + Suggestions.hint(entry.getKey(), known)
                                + " (known keys: " + String.join(", ", known) + ")");
            }
        }
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
