package dev.gigawatt.input;

import dev.gigawatt.units.Dimension;
import dev.gigawatt.units.UnitException;
import dev.gigawatt.units.Units;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value in a YAML document, with its path ({@code sites[1].capacity}) and line, and typed
 * readers that record a {@link Problem} instead of throwing, so a whole file is checked in one go.
 * Readers return {@code NaN} or {@code null} for a value they could not read.
 */
public final class YamlNode {
    private final Node node;
    private final String path;
    private final Problems problems;

    YamlNode(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The SnakeYAML node behind this value (for {@link YamlPatch}). */
    Node raw() {
        return node;
    }

    /** Where this value is, e.g. {@code sites[1].capacity}; empty for the document root. */
    public String path() {
        return path;
    }

    /** The 1-based line the value starts on. */
    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The collector that every problem in this document goes to. */
    public Problems problems() {
        return problems;
    }

    /** Records a problem at this value. */
    public void problem(String message) {
        problems.add(path, line(), message);
    }

    /** True for a mapping ({@code key: value} pairs). */
    public boolean isMap() {
        return node instanceof MappingNode;
    }

    /** True for a sequence ({@code - item}). */
    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** True for an explicit or empty null. */
    public boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** The scalar text as written, or null for a mapping or sequence. */
    public String text() {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /** True for a scalar written as a plain number (YAML int or float). */
    public boolean isNumber() {
        return Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag());
    }

    /** This value as a mapping; records a problem and returns null when it is something else. */
    public YamlMap asMap() {
        if (node instanceof MappingNode mapping) {
            return new YamlMap(mapping, path, problems);
        }
        problem("expected a mapping of keys to values, got " + describe());
        return null;
    }

    /** The items of a sequence; records a problem and returns an empty list when it is something else. */
    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected a list, got " + describe());
            return List.of();
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(values.get(i), path + "[" + i + "]", problems));
        }
        return items;
    }

    /** A scalar as text; records a problem and returns null for a mapping, sequence or null. */
    public String asString() {
        if (node instanceof ScalarNode scalar && !isNull()) {
            return scalar.getValue();
        }
        problem("expected a text value, got " + describe());
        return null;
    }

    /** A quantity with a unit ({@code "700 W"}) in the base unit of {@code dimension}; NaN on error. */
    public double asQuantity(Dimension dimension, Bound bound) {
        String text = asString();
        if (text == null) {
            return Double.NaN;
        }
        if (isNumber()) {
            problem("needs a unit: write it as a string such as \"" + dimension.withExampleUnit(text) + "\" ("
                    + dimension.description() + " units: " + String.join(", ", dimension.units()) + "), got " + text);
            return Double.NaN;
        }
        return convert(text, bound, t -> Units.parse(t, dimension));
    }

    /** A fraction written as {@code "41%"} or {@code 0.41}; NaN on error. */
    public double asFraction(Bound bound) {
        String text = asString();
        return text == null ? Double.NaN : convert(text, bound, Units::fraction);
    }

    /** A plain number, allowing k/M/B/T suffixes in strings ({@code "15.6T"}); NaN on error. */
    public double asCount(Bound bound) {
        String text = asString();
        return text == null ? Double.NaN : convert(text, bound, Units::count);
    }

    /** A whole number within {@code [min, max]}; returns {@code min - 1} on error. */
    public long asInteger(long min, long max) {
        String text = asString();
        if (text == null) {
            return min - 1;
        }
        long value;
        try {
            value = Long.parseLong(text.replace(",", "").replace("_", "").strip());
        } catch (NumberFormatException e) {
            problem("expected a whole number, got " + Text.quote(text));
            return min - 1;
        }
        if (value < min || value > max) {
            problem("must be between " + min + " and " + max + ", got " + text);
            return min - 1;
        }
        return value;
    }

    /**
     * A date written as {@code 2025-03-01}, {@code 2025-03} (first of the month) or {@code 2025}
     * (1 January), with a four-digit year from {@link Limits#MIN_YEAR} to {@link Limits#MAX_YEAR};
     * null on error.
     */
    public LocalDate asDate() {
        String text = asString();
        if (text == null) {
            return null;
        }
        String t = text.strip();
        LocalDate date;
        try {
            if (t.matches("\\d{4}")) {
                date = LocalDate.of(Integer.parseInt(t), 1, 1);
            } else if (t.matches("\\d{4}-\\d{2}")) {
                date = LocalDate.parse(t + "-01");
            } else if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                date = LocalDate.parse(t);
            } else {
                date = null;
            }
        } catch (DateTimeException e) {
            date = null;
        }
        if (date == null && t.matches("[-+]?\\d+(-\\d{2}(-\\d{2})?)?") && !t.matches("\\d{4}(-.*)?")) {
            problem("the year must have four digits, from " + Limits.MIN_YEAR + " to " + Limits.MAX_YEAR + ", got "
                    + Text.quote(text));
            return null;
        }
        if (date == null) {
            problem("expected a date such as 2025-03-01, 2025-03 or 2025, got " + Text.quote(text));
            return null;
        }
        if (date.getYear() < Limits.MIN_YEAR || date.getYear() > Limits.MAX_YEAR) {
            problem("the year must be from " + Limits.MIN_YEAR + " to " + Limits.MAX_YEAR + ", got "
                    + Text.quote(text));
            return null;
        }
        return date;
    }

    /**
     * A name: text of one line, not empty, at most {@link Limits#MAX_NAME_LENGTH} characters; null
     * for a mapping, list or empty value. A name that breaks the rules is recorded and still returned,
     * so that references to it do not add problems of their own.
     */
    public String asName() {
        String text = asString();
        if (text == null) {
            return null;
        }
        String problem = Text.nameProblem(text);
        if (problem != null) {
            problem(problem);
        }
        return text;
    }

    private double convert(String text, Bound bound, ToDoubleFunction<String> parser) {
        double value;
        try {
            value = parser.applyAsDouble(text);
        } catch (UnitException e) {
            problem(e.getMessage());
            return Double.NaN;
        }
        String violation = bound.violation(value);
        if (violation != null) {
            problem(violation + ", got " + (isNumber() ? text : Text.quote(text)));
            return Double.NaN;
        }
        return value;
    }

    /** What kind of value this is, for messages. */
    String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "nothing (the value is empty)";
        }
        return Text.quote(((ScalarNode) node).getValue());
    }
}
