package dev.gigawatt.sweep;

import dev.gigawatt.input.Bound;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.input.YamlPatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/** Reads and validates a sweep file; every problem is reported at once with its path and line. */
public final class SweepReader {
    static final List<String> MODES = List.of("plan", "simulate");
    static final List<String> DESIGNS = List.of("grid", "random", "latin-hypercube");
    static final List<String> DISTRIBUTIONS = List.of("normal", "lognormal", "uniform", "triangular");

    private SweepReader() {}

    /** Reads the sweep in {@code file}. */
    public static SweepSpec read(Path file, String displayName) {
        return read(YamlDocument.read(file, displayName), file.toAbsolutePath().getParent());
    }

    /** Reads a sweep from YAML text; relative scenario paths resolve against {@code folder}. */
    public static SweepSpec parse(String yaml, String displayName, Path folder) {
        return read(YamlDocument.parse(yaml, displayName), folder);
    }

    private static SweepSpec read(YamlNode root, Path folder) {
        YamlMap m = root.asMap();
        if (m == null) {
            root.problems().throwIfAny();
        }
        String name = m.string("name");
        String description = m.string("description", "");
        Path scenario = null;
        YamlNode scenarioNode = m.required("scenario");
        if (scenarioNode != null && scenarioNode.asString() != null) {
            scenario = folder.resolve(scenarioNode.asString()).normalize();
            if (!Files.isRegularFile(scenario)) {
                scenarioNode.problem("no scenario file at " + scenario);
            }
        }
        String mode = oneOf(m, "mode", MODES, "simulate");
        int replications = (int) m.integer("replications", 1, 1_000_000, 1);
        String design = oneOf(m, "design", DESIGNS, "latin-hypercube");
        int samples = (int) m.integer("samples", 1, 1_000_000, 10);
        long seed = m.integer("seed", 0, Long.MAX_VALUE - 1, 1);
        List<Axis> axes = new ArrayList<>();
        for (YamlNode item : m.list("axes")) {
            Axis axis = axis(item);
            if (axis != null) {
                axes.add(axis);
            }
        }
        List<Uncertain> uncertain = new ArrayList<>();
        for (YamlNode item : m.list("uncertain")) {
            Uncertain u = uncertain(item);
            if (u != null) {
                uncertain.add(u);
            }
        }
        if (axes.isEmpty() && uncertain.isEmpty() && m.problems().isEmpty()) {
            m.problem("a sweep needs at least one entry under axes: or uncertain:");
        }
        List<String> outputs = m.strings("outputs");
        m.finish();
        root.problems().throwIfAny();
        return new SweepSpec(
                name, description, scenario, mode, replications, design, samples, seed, axes, uncertain, outputs);
    }

    private static Axis axis(YamlNode item) {
        YamlMap a = item.asMap();
        if (a == null) {
            return null;
        }
        String path = path(a);
        List<String> values = new ArrayList<>();
        YamlMap range = a.map("range");
        if (range != null && a.has("values")) {
            a.problem("give either values or range, not both");
        } else if (range != null) {
            SweepNumbers.Parts from = parts(range, "from");
            SweepNumbers.Parts to = parts(range, "to");
            int steps = (int) range.integer("steps", 2, 10_000);
            range.finish();
            if (from != null && to != null && steps >= 2) {
                if (!from.prefix().equals(to.prefix()) || !from.suffix().equals(to.suffix())) {
                    range.problem("from and to must have the same unit");
                }
                for (int i = 0; i < steps; i++) {
                    double x = from.number() + (to.number() - from.number()) * i / (steps - 1);
                    values.add(from.prefix() + SweepNumbers.format(x) + from.suffix());
                }
            }
        } else {
            for (YamlNode v : a.list("values")) {
                String text = v.asString();
                if (text != null) {
                    values.add(text);
                }
            }
            if (values.isEmpty()) {
                a.problem("needs values: [a, b, ...] or range: {from, to, steps}");
            }
        }
        a.finish();
        // Text values (a scheduler name) are ranked by their position for the sensitivity analysis.
        List<Double> numbers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            SweepNumbers.Parts p = SweepNumbers.parse(values.get(i));
            numbers.add(p == null ? (double) i : p.number());
        }
        return path == null || values.isEmpty() ? null : new Axis(path, values, numbers);
    }

    private static Uncertain uncertain(YamlNode item) {
        YamlMap u = item.asMap();
        if (u == null) {
            return null;
        }
        String path = path(u);
        String kind = oneOf(u, "distribution", DISTRIBUTIONS, null);
        if (kind == null) {
            // Without a known distribution its parameters cannot be checked; do not call them unknown keys.
            for (String key : List.of("mean", "sd", "median", "sigma", "min", "mode", "max")) {
                u.has(key);
            }
        }
        ContinuousDistribution dist = null;
        String prefix = "";
        String suffix = "";
        String description = kind;
        if (kind != null) {
            List<String> keys =
                    switch (kind) {
                        case "normal" -> List.of("mean", "sd");
                        case "lognormal" -> List.of("median", "sigma");
                        case "uniform" -> List.of("min", "max");
                        default -> List.of("min", "mode", "max");
                    };
            double[] v = new double[keys.size()];
            boolean ok = true;
            boolean unitKnown = false;
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                if (key.equals("sigma")) {
                    v[i] = u.number("sigma", Bound.POSITIVE);
                    ok &= !Double.isNaN(v[i]);
                    continue;
                }
                SweepNumbers.Parts p = parts(u, key);
                if (p == null) {
                    ok = false;
                    continue;
                }
                if (!unitKnown) {
                    prefix = p.prefix();
                    suffix = p.suffix();
                    unitKnown = true;
                } else if (!p.prefix().equals(prefix) || !p.suffix().equals(suffix)) {
                    u.optional(key)
                            .problem("must have the same unit as " + keys.get(0) + " (\"" + prefix + "…" + suffix
                                    + "\")");
                    ok = false;
                }
                v[i] = p.number();
            }
            description = kind + " " + describe(keys, v, prefix, suffix);
            if (ok) {
                try {
                    dist = switch (kind) {
                        case "normal" -> NormalDistribution.of(v[0], v[1]);
                        case "lognormal" -> LogNormalDistribution.of(Math.log(v[0]), v[1]);
                        case "uniform" -> UniformContinuousDistribution.of(v[0], v[1]);
                        default -> TriangularDistribution.of(v[0], v[1], v[2]);
                    };
                } catch (IllegalArgumentException e) {
                    u.problem("invalid " + kind + " distribution: " + e.getMessage());
                }
            }
        }
        u.finish();
        return path == null || dist == null ? null : new Uncertain(path, dist, prefix, suffix, description);
    }

    private static String describe(List<String> keys, double[] v, String prefix, String suffix) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i) + " "
                    + (keys.get(i).equals("sigma")
                            ? SweepNumbers.format(v[i])
                            : prefix + SweepNumbers.format(v[i]) + suffix));
        }
        return String.join(", ", parts);
    }

    private static SweepNumbers.Parts parts(YamlMap m, String key) {
        YamlNode node = m.required(key);
        if (node == null) {
            return null;
        }
        String text = node.asString();
        SweepNumbers.Parts p = text == null ? null : SweepNumbers.parse(text);
        if (text != null && p == null) {
            node.problem("expected a number with its unit, such as \"$42,000\", \"50,000 h\" or \"8%\", got \"" + text
                    + "\"");
        }
        return p;
    }

    private static String path(YamlMap m) {
        YamlNode node = m.required("path");
        String path = node == null ? null : node.asString();
        if (path != null) {
            String problem = YamlPatch.checkPath(path);
            if (problem != null) {
                node.problem(problem);
                return null;
            }
        }
        return path;
    }

    private static String oneOf(YamlMap m, String key, List<String> allowed, String fallback) {
        YamlNode node = fallback == null ? m.required(key) : m.optional(key);
        if (node == null) {
            return fallback;
        }
        String value = node.asString();
        if (value != null && !allowed.contains(value)) {
            node.problem("must be one of " + String.join(", ", allowed) + ", got \"" + value + "\""
                    + Suggestions.hint(value, allowed));
            return null;
        }
        return value;
    }
}
