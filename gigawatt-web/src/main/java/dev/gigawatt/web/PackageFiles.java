package dev.gigawatt.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /_static/...}: the JavaScript of the npm packages the page imports (CodeMirror,
 * ECharts), read from their jars' {@code META-INF/resources/_static/}. Only plain relative names of
 * scripts, style sheets and licences are served, so that no request reaches any other resource.
 */
final class PackageFiles {
    private static final String ROOT = "META-INF/resources/_static/";
    private static final Pattern PATH =
            Pattern.compile("(?:[A-Za-z0-9@][A-Za-z0-9._@-]*/){1,8}[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES =
            Map.of(".js", "text/javascript; charset=utf-8", ".css", "text/css; charset=utf-8", "LICENSE", "text/plain");

    private PackageFiles() {}

    static void serve(Context ctx) {
        String path = ctx.pathParam("path");
        String type = type(path);
        if (type == null || !PATH.matcher(path).matches() || path.contains("..")) {
            throw ApiException.notFound("not found");
        }
        try (InputStream in = PackageFiles.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw ApiException.notFound("not found");
            }
            ctx.contentType(type).header("Cache-Control", "max-age=86400").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String path) {
        for (Map.Entry<String, String> t : TYPES.entrySet()) {
            if (path.endsWith(t.getKey())) {
                return t.getValue();
            }
        }
        return null;
    }
}
