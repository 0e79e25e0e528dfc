package dev.gigawatt.catalog;

import dev.gigawatt.input.Bound;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.units.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The default modelling assumptions (MFU, efficiencies, prices, lifetimes), read from the
 * {@code assumptions.yaml} resource so that every default carries its source.
 */
public final class Assumptions {
    private static final Assumptions BUILT_IN = load();

    private final Map<String, Entry> entries;

    private Assumptions(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * One assumption as written in the file.
     *
     * @param node the value, kept for typed reading
     */
    public record Entry(String name, String text, String source, boolean estimate, YamlNode node) {}

    /** The assumptions that ship with gigawatt. */
    public static Assumptions builtIn() {
        return BUILT_IN;
    }

    /** All assumptions in file order. */
    public Collection<Entry> all() {
        return entries.values();
    }

    /** A fraction such as {@code "43%"}. */
    public double fraction(String name) {
        return read(name, n -> n.asFraction(Bound.ANY));
    }

    /** A plain number. */
    public double number(String name) {
        return read(name, n -> n.asCount(Bound.ANY));
    }

    /** A quantity in the base unit of {@code dimension}. */
    public double quantity(String name, Dimension dimension) {
        return read(name, n -> n.asQuantity(dimension, Bound.ANY));
    }

    private double read(String name, ToDoubleFunction<YamlNode> reader) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no built-in assumption named " + name);
        }
        double value = reader.applyAsDouble(entry.node());
        entry.node().problems().throwIfAny();
        return value;
    }

    private static Assumptions load() {
        try (InputStream in = Assumptions.class.getResourceAsStream("/catalog/assumptions.yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in resource missing: /catalog/assumptions.yaml");
            }
            YamlNode root = YamlDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "assumptions");
            Map<String, Entry> entries = new LinkedHashMap<>();
            YamlMap top = root.asMap();
            for (YamlNode item : top.list("assumptions")) {
                YamlMap m = item.asMap();
                String name = m.string("name");
                YamlNode value = m.required("value");
                String source = m.string("source");
                boolean estimate = m.has("estimate") && "true".equals(m.string("estimate"));
                m.finish();
                entries.put(name, new Entry(name, value == null ? "" : value.text(), source, estimate, value));
            }
            top.finish();
            root.problems().throwIfAny();
            return new Assumptions(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
