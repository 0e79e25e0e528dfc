package dev.gigawatt.web;

import dev.gigawatt.catalog.Catalog;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The embedded HTTP server of {@code gigawatt serve}: the JSON API ({@code /api/...}, described
 * by {@code /api/openapi.json}) and the single-page app, both from the jar.
 */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final Simulations simulations;
    private final WebOptions options;

    private WebServer(Javalin app, Simulations simulations, WebOptions options) {
        this.app = app;
        this.simulations = simulations;
        this.options = options;
    }

    /**
     * Starts the server; it runs until {@link #close()}.
     *
     * @throws IllegalArgumentException when {@code bind} is not loopback and there is no token
     * @throws dev.gigawatt.input.InputException when a {@code --catalog} file has problems
     */
    public static WebServer start(WebOptions options) {
        boolean loopback = Access.isLoopback(options.bind());
        if (!loopback && options.token() == null) {
            throw new IllegalArgumentException("--bind " + options.bind() + " is reachable from other machines;"
                    + " give --token SECRET (every request must then carry it) or bind to 127.0.0.1");
        }
        Catalog catalog = Catalog.builtIn();
        for (Path file : options.catalogs()) {
            catalog = catalog.with(file, file.toString());
        }
        ScenarioRoutes scenarios = new ScenarioRoutes(catalog);
        CatalogRoutes catalogs = new CatalogRoutes(catalog);
        Database db = new Database(options.db());
        Simulations simulations = new Simulations(db, options.simulations());
        Access access = new Access(options.token());
        RunRoutes runs = new RunRoutes(db);
        SeriesRoute series = new SeriesRoute(db, runs);
        TableRoutes tables = new TableRoutes(db, runs);
        QueryRoute query = new QueryRoute(db);
        ExampleRoutes examples = new ExampleRoutes(options.examples());
        SimulationRoutes sims = new SimulationRoutes(simulations, scenarios);
        SweepRoutes sweeps = new SweepRoutes(simulations);
        String openApi = resource("/dev/gigawatt/web/openapi.json");
        String schema = resource("/dev/gigawatt/web/scenario.schema.json");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = Bodies.MAX_BYTES;
            config.jetty.host = options.bind();
            config.jetty.port = options.port();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            var r = config.routes;
            r.before(access::check);
            r.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
            // The editor's npm packages, from their jars (org.mvnpm): no network at run time.
            r.get("/_static/<path>", PackageFiles::serve);
            r.get("/api/openapi.json", ctx -> Json.sendText(ctx, openApi));
            r.get("/api/schema", ctx -> Json.sendText(ctx, schema));
            r.post("/api/validate", scenarios::validate);
            r.post("/api/plan", scenarios::plan);
            r.post("/api/simulate", sims::start);
            r.post("/api/sweep", sweeps::start);
            r.post("/api/sweep/validate", sweeps::validate);
            r.get("/api/simulations", sims::list);
            r.get("/api/simulations/{id}", sims::status);
            r.get("/api/simulations/{id}/summary", sims::summary);
            r.post("/api/simulations/{id}/cancel", sims::cancel);
            r.sse("/api/simulations/{id}/events", sims::events);
            r.get("/api/runs", runs::list);
            r.get("/api/runs/{id}", runs::show);
            r.get("/api/runs/{id}/report", runs::report);
            r.get("/api/runs/{id}/series", series::series);
            r.get("/api/runs/{id}/tables", tables::list);
            r.get("/api/runs/{id}/tables/{file}", tables::download);
            r.get("/api/compare", runs::compare);
            r.post("/api/query", query::query);
            r.get("/api/catalog/{kind}", catalogs::list);
            r.get("/api/examples", examples::list);
            r.get("/api/examples/{name}", examples::show);
            r.exception(ApiException.class, (e, ctx) -> Json.error(ctx, e.status(), e.getMessage()));
            r.exception(HttpResponseException.class, (e, ctx) -> Json.error(ctx, e.getStatus(), e.getMessage()));
            r.exception(Exception.class, (e, ctx) -> Json.error(ctx, 500, "internal error: " + e));
            r.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                    Json.error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            simulations.close();
            throw e;
        }
        return new WebServer(app, simulations, options);
    }

    /** The port it listens on (the one chosen when {@code port} was 0). */
    public int port() {
        return app.port();
    }

    /** The address to open in a browser, with the token when there is one. */
    public String url() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return "http://" + host + ":" + port() + "/" + (options.token() != null ? "?token=" + options.token() : "");
    }

    /** How many simulations run at once at most. */
    public int simulations() {
        return simulations.concurrency();
    }

    /** Stops accepting requests, cancels the simulations (unrecorded) and stops the server. */
    @Override
    public void close() {
        simulations.close();
        app.stop();
    }

    private static String resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
