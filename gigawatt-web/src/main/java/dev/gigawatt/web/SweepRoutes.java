package dev.gigawatt.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.input.Text;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepReader;
import dev.gigawatt.sweep.SweepSpec;
import dev.gigawatt.sweep.SweepValidation;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/sweep} and {@code POST /api/sweep/validate}: a sweep file over the editor's
 * scenario, read and checked by the same reader and validation as {@code gigawatt sweep}, then
 * queued with the simulations.
 */
final class SweepRoutes {
    /** What messages call the sweep file when the request does not name it. */
    static final String DEFAULT_NAME = "sweep.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Simulations simulations;

    SweepRoutes(Simulations simulations) {
        this.simulations = simulations;
    }

    /** A sweep and its base scenario, read and valid at every point. */
    record Checked(SweepSpec spec, String sweepText, String sweepName, String scenarioText, List<SweepPoint> points) {}

    /** Answers {@code {"valid", "file", "problems"}} for the sweep in the body (always 200). */
    void validate(Context ctx) {
        Request request = request(ctx);
        try {
            check(request);
            Json.send(ctx, problems(request.sweepName(), List.of()));
        } catch (InputException e) {
            Json.send(ctx, problems(e.fileName(), e.problems()));
        }
    }

    /** Queues the sweep in the body: 202 with its job, or 422 with the problems of the file that has them. */
    void start(Context ctx) {
        Request request = request(ctx);
        Checked sweep;
        try {
            sweep = check(request);
        } catch (InputException e) {
            ctx.status(422);
            Json.send(ctx, problems(e.fileName(), e.problems()));
            return;
        }
        int threads = simulations.concurrency();
        SimulationJob job =
                simulations.submit("sweep", sweep.spec().name(), (j, db) -> SweepWork.run(j, db, sweep, threads));
        ctx.status(202);
        Json.send(ctx, simulations.status(job));
    }

    /** The request body: the sweep's and the scenario's texts and the names messages give them. */
    record Request(String sweepText, String sweepName, String scenarioText, String scenarioName) {}

    private static Request request(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(Bodies.text(ctx));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(
                    "the body must be JSON {\"sweep\": YAML, \"scenario\": YAML}: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object {\"sweep\": YAML, \"scenario\": YAML}");
        }
        return new Request(
                text(body, "sweep"),
                name(body, "sweepName", DEFAULT_NAME),
                text(body, "scenario"),
                name(body, "scenarioName", ScenarioRoutes.DEFAULT_NAME));
    }

    private static String text(JsonNode body, String key) {
        JsonNode v = body.get(key);
        if (v == null || !v.isTextual()) {
            throw ApiException.badRequest("\"" + key + "\" must be the " + key + "'s YAML as a JSON string");
        }
        return v.asText();
    }

    private static String name(JsonNode body, String key, String fallback) {
        JsonNode v = body.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual() || !ScenarioRoutes.isSafeName(v.asText())) {
            throw ApiException.badRequest("\"" + key + "\" must be a file name of letters, digits, '.', '_' and '-'");
        }
        return v.asText();
    }

    /**
     * Reads the sweep as {@code gigawatt sweep} reads it, over the request's scenario: its {@code
     * scenario:} must name that scenario, which is the only file the sweep may see (written into a
     * new private folder for the reader, deleted at once); no other path is ever looked at.
     *
     * @throws InputException with the problems of the sweep file or of the scenario at some point
     */
    static Checked check(Request r) {
        checkScenarioKey(r);
        SweepSpec spec = read(r);
        List<SweepPoint> points = SweepDesign.points(spec);
        SweepValidation.check(spec, r.scenarioText(), points, Catalog.builtIn());
        return new Checked(spec, r.sweepText(), r.sweepName(), r.scenarioText(), points);
    }

    private static void checkScenarioKey(Request r) {
        YamlNode root = YamlDocument.parse(r.sweepText(), r.sweepName());
        YamlMap m = root.isMap() ? root.asMap() : null;
        YamlNode node = m == null ? null : m.optional("scenario");
        String value = node == null ? null : node.asString();
        if (value != null && !value.equals(r.scenarioName())) {
            throw new InputException(
                    r.sweepName(),
                    List.of(new Problem(
                            "scenario",
                            node.line(),
                            "must name the scenario in the editor, " + Text.quote(r.scenarioName())
                                    + " (a sweep from the page runs over it; no other file is read), got "
                                    + Text.quote(value))));
        }
    }

    private static SweepSpec read(Request r) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("gigawatt-sweep-");
            Files.writeString(folder.resolve(r.scenarioName()), r.scenarioText(), StandardCharsets.UTF_8);
            return SweepReader.parse(r.sweepText(), r.sweepName(), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder, r.scenarioName());
        }
    }

    private static void delete(Path folder, String file) {
        if (folder == null) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve(file));
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a leftover empty temporary folder is harmless
        }
    }

    private static Map<String, Object> problems(String file, List<Problem> problems) {
        Map<String, Object> out = new LinkedHashMap<>(ScenarioRoutes.problems(file, problems));
        out.put("file", file);
        return out;
    }
}
