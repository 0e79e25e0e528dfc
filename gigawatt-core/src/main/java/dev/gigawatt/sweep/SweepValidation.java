package dev.gigawatt.sweep;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.input.YamlPatch;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a sweep against its base scenario before anything runs: every path must exist in the
 * scenario (a problem of the sweep file, at the path's line), every point's scenario must be valid
 * (a problem of the base scenario, naming the point), and every output must be a KPI of the mode.
 */
public final class SweepValidation {
    private SweepValidation() {}

    /** Throws an {@link InputException} for the first file with problems; returns when every point is valid. */
    public static void check(SweepSpec spec, String scenarioText, List<SweepPoint> points, Catalog catalog) {
        SweepOrigin origin = spec.origin();
        Scenario first = null;
        for (SweepPoint p : points) {
            Scenario s = scenario(spec, scenarioText, p, catalog);
            if (first == null) {
                first = s;
            }
        }
        if (first == null || spec.outputs().isEmpty()) {
            return;
        }
        List<String> known = SweepEvaluator.kpiNames(first, spec.mode());
        List<Problem> unknown = new ArrayList<>();
        for (int i = 0; i < spec.outputs().size(); i++) {
            String output = spec.outputs().get(i);
            if (!known.contains(output)) {
                String path = "outputs[" + i + "]";
                unknown.add(new Problem(
                        path,
                        origin.line(path),
                        "unknown output '" + output + "'" + Suggestions.hint(output, known) + " (KPIs of a "
                                + spec.mode() + " run: see docs/results.md)"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InputException(origin.fileName(), unknown);
        }
    }

    /** The scenario of point {@code p}, or an {@link InputException} against the sweep or the base scenario. */
    private static Scenario scenario(SweepSpec spec, String scenarioText, SweepPoint p, Catalog catalog) {
        SweepOrigin origin = spec.origin();
        YamlNode root = YamlDocument.parse(scenarioText, origin.scenarioName());
        List<Problem> pathProblems = new ArrayList<>();
        for (Map.Entry<String, String> e : p.values().entrySet()) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put(e.getKey(), e.getValue());
            try {
                YamlPatch.apply(root, one);
            } catch (IllegalArgumentException ex) {
                String key = origin.keyOf(e.getKey());
                pathProblems.add(new Problem(
                        key,
                        origin.line(key),
                        "does not fit the base scenario " + origin.scenarioName() + ": " + ex.getMessage()));
            }
        }
        if (!pathProblems.isEmpty()) {
            throw new InputException(origin.fileName(), pathProblems);
        }
        try {
            return ScenarioReader.read(root, catalog);
        } catch (InputException e) {
            List<Problem> problems = e.problems().stream()
                    .map(pr -> new Problem(
                            pr.path(),
                            pr.line(),
                            pr.message() + " (sweep point " + p.index() + ": " + p.values() + ")"))
                    .toList();
            throw new InputException(origin.scenarioName(), problems);
        }
    }
}
