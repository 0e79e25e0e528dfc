package dev.gigawatt.web;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.report.PlanJson;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /api/validate} and {@code POST /api/plan}: a scenario's YAML in, the validator's
 * problems or the planner's JSON out, through the same reader, planner and JSON writer as {@code
 * gigawatt validate} and {@code gigawatt plan --format json}.
 */
final class ScenarioRoutes {
    /** What messages call the scenario when the request does not name it ({@code ?name=}). */
    static final String DEFAULT_NAME = "scenario.yaml";

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Catalog catalog;

    /** Routes that read scenarios against {@code catalog}: the built-in one and any {@code --catalog} files. */
    ScenarioRoutes(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Answers the problems of the scenario in the body, none when it is valid (always 200). */
    void validate(Context ctx) {
        String name = name(ctx);
        try {
            read(Bodies.text(ctx), name);
            Json.send(ctx, problems(name, List.of()));
        } catch (InputException e) {
            Json.send(ctx, problems(name, e.problems()));
        }
    }

    /** Answers the plan as {@code gigawatt plan --format json} prints it, or 422 with the problems. */
    void plan(Context ctx) {
        String name = name(ctx);
        Scenario s;
        try {
            s = read(Bodies.text(ctx), name);
        } catch (InputException e) {
            ctx.status(422);
            Json.send(ctx, problems(name, e.problems()));
            return;
        }
        Plan plan = new Planner(Assumptions.builtIn()).plan(s);
        Json.sendText(ctx, PlanJson.write(plan));
    }

    /** Reads and validates a scenario's text against the server's catalog. */
    Scenario read(String yaml, String name) {
        return ScenarioReader.parse(yaml, name, catalog);
    }

    /** The scenario's name in messages: {@code ?name=} when it is a plain file name. */
    static String name(Context ctx) {
        String name = ctx.queryParam("name");
        if (name == null) {
            return DEFAULT_NAME;
        }
        if (!isSafeName(name)) {
            throw ApiException.badRequest("?name= must be a file name of letters, digits, '.', '_' and '-'");
        }
        return name;
    }

    /** True for a plain file name: 1 to 100 letters, digits, '.', '_' and '-'. */
    static boolean isSafeName(String name) {
        return SAFE_NAME.matcher(name).matches();
    }

    /**
     * {@code {"valid": ..., "problems": [{"line", "path", "message", "text"}]}}: each problem as the
     * validator found it, and {@code text} as {@code gigawatt validate} prints it.
     */
    static Map<String, Object> problems(String name, List<Problem> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", problems.isEmpty());
        out.put(
                "problems",
                problems.stream()
                        .map(p -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("line", p.line());
                            m.put("path", p.path());
                            m.put("message", p.message());
                            m.put("text", p.render(name));
                            return m;
                        })
                        .toList());
        return out;
    }
}
