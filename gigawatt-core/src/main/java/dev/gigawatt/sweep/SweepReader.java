package dev.gigawatt.sweep;

import dev.gigawatt.input.Limits;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.input.Text;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.input.YamlPatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Largest number an uncertain input may reach at its tails (the scenario's own bounds then apply). */
    private static final double MAX_VALUE = 1e18;

    private SweepReader() {}

    /** Reads the sweep in {@code file}. */
    public static SweepSpec read(Path file, String displayName) {
        return read(YamlDocument.read(file, displayName), file.toAbsolutePath().getParent(), displayName, null);
    }

    /** Reads a sweep from YAML text; relative scenario paths resolve against {@code folder}. */
    public static SweepSpec parse(String yaml, String displayName, Path folder) {
        return read(YamlDocument.parse(yaml, displayName), folder, displayName, null);
    }

    /**
     * Reads a sweep from YAML text whose base scenario is {@code scenarioFile}, whatever its
     * {@code scenario} key says (still required): for a sweep read back from a {@link SweepBundle},
     * which keeps its own copy of the scenario.
     */
    public static SweepSpec parse(String yaml, String displayName, Path folder, Path scenarioFile) {
        return read(YamlDocument.parse(yaml, displayName), folder, displayName, scenarioFile);
    }

    private static SweepSpec read(YamlNode root, Path folder, String displayName, Path scenarioFile) {
        YamlMap m = root.asMap();
        if (m == null) {
            root.problems().throwIfAny();
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        lines.put("", m.line());
        String name = m.name("name");
        String description = m.string("description", "");
        Path scenario = null;
        String scenarioName = null;
        YamlNode scenarioNode = m.required("scenario");
        if (scenarioNode != null && scenarioNode.asString() != null) {
            scenario = scenarioFile != null
                    ? scenarioFile
                    : folder.resolve(scenarioNode.asString()).normalize();
            scenarioName = scenarioName(displayName, scenarioNode.asString());
            if (!Files.isRegularFile(scenario)) {
                scenarioNode.problem("no scenario file at " + scenario);
            }
        }
        String mode = oneOf(m, "mode", MODES, "simulate");
        int replications = (int) m.integer("replications", 1, Limits.MAX_REPLICATIONS, 1);
        String design = oneOf(m, "design", DESIGNS, "latin-hypercube");
        int samples = (int) m.integer("samples", 1, Limits.MAX_REPLICATIONS, 10);
        long seed = m.integer("seed", 0, Long.MAX_VALUE - 1, 1);
        List<Axis> axes = new ArrayList<>();
        for (YamlNode item : m.list("axes")) {
            Axis axis = axis(item, lines, keys);
            if (axis != null) {
                axes.add(axis);
            }
        }
        List<Uncertain> uncertain = new ArrayList<>();
        for (YamlNode item : m.list("uncertain")) {
            Uncertain u = uncertain(item, lines, keys);
            if (u != null) {
                uncertain.add(u);
            }
        }
        if (axes.isEmpty() && uncertain.isEmpty() && m.problems().isEmpty()) {
            m.problem("a sweep needs at least one entry under axes: or uncertain:");
        }
        List<String> outputs = new ArrayList<>();
        for (YamlNode item : m.list("outputs")) {
            String text = item.asString();
            if (text != null) {
                lines.put("outputs[" + outputs.size() + "]", item.line());
                outputs.add(text);
            }
        }
        m.finish();
        root.problems().throwIfAny();
        SweepSpec spec = new SweepSpec(
                name,
                description,
                scenario,
                mode,
                replications,
                design,
                samples,
                seed,
                axes,
                uncertain,
                outputs,
                new SweepOrigin(displayName, scenarioName, lines, keys));
        SweepSize.check(spec, m);
        root.problems().throwIfAny();
        return spec;
    }

    /** The base scenario as the user would name it: beside the sweep file as they named it. */
    private static String scenarioName(String sweepDisplayName, String scenarioPath) {
        Path sweepFile = Path.of(sweepDisplayName);
        Path parent = sweepFile.getParent();
        return (parent == null ? Path.of(scenarioPath) : parent.resolve(scenarioPath))
                .normalize()
                .toString();
    }

    private static Axis axis(YamlNode item, Map<String, Integer> lines, Map<String, String> keys) {
        YamlMap a = item.asMap();
        if (a == null) {
            return null;
        }
        String path = path(a, lines, keys);
        List<String> values = new ArrayList<>();
        YamlMap range = a.map("range");
        if (range != null && a.has("values")) {
            a.problem("give either values or range, not both");
        } else if (range != null) {
            SweepNumbers.Parts from = parts(range, "from");
            SweepNumbers.Parts to = parts(range, "to");
            int steps = (int) range.integer("steps", 2, Limits.MAX_RANGE_STEPS);
            range.finish();
            if (from != null && to != null && steps >= 2) {
                if (!from.prefix().equals(to.prefix()) || !from.suffix().equals(to.suffix())) {
                    range.problem("from and to must have the same unit");
                }
                if (!Double.isFinite(to.number() - from.number())) {
                    range.problem("from and to are too far apart to step between");
                } else {
                    for (int i = 0; i < steps; i++) {
                        double x = from.number() + (to.number() - from.number()) * i / (steps - 1);
                        values.add(from.prefix() + SweepNumbers.format(x) + from.suffix());
                    }
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

    private static Uncertain uncertain(YamlNode item, Map<String, Integer> lines, Map<String, String> pathKeys) {
        YamlMap u = item.asMap();
        if (u == null) {
            return null;
        }
        String path = path(u, lines, pathKeys);
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
                    v[i] = u.number("sigma", Limits.SWEEP_SIGMA);
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
                if (dist != null && !finiteTails(dist)) {
                    u.problem("the " + kind + " distribution reaches values beyond ±1e18 at its tails (the designs"
                            + " draw probabilities down to 1e-12); use a smaller spread");
                    dist = null;
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
            node.problem("expected a number with its unit, such as \"$42,000\", \"50,000 h\" or \"8%\", got "
                    + Text.quote(text));
        } else if (p != null && !Double.isFinite(p.number())) {
            node.problem("is not a finite number: " + Text.quote(text));
            return null;
        }
        return p;
    }

    private static String path(YamlMap m, Map<String, Integer> lines, Map<String, String> keys) {
        YamlNode node = m.required("path");
        String path = node == null ? null : node.asString();
        if (path != null) {
            String problem = YamlPatch.checkPath(path);
            if (problem != null) {
                node.problem(problem);
                return null;
            }
            lines.put(node.path(), node.line());
            keys.putIfAbsent(path, node.path());
        }
        return path;
    }

    /** True when the distribution stays finite at the most extreme probabilities the designs draw. */
    private static boolean finiteTails(ContinuousDistribution d) {
        double low = d.inverseCumulativeProbability(SweepDesign.EDGE);
        double high = d.inverseCumulativeProbability(1 - SweepDesign.EDGE);
        return Math.abs(low) <= MAX_VALUE && Math.abs(high) <= MAX_VALUE;
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
