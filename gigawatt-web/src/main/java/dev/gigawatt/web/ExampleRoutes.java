package dev.gigawatt.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code GET /api/examples} and {@code /api/examples/{name}}: the scenario files in the examples
 * folder (not its subfolders), by file name only, so that no request names any other file.
 */
final class ExampleRoutes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.yaml");

    private final Path folder;

    /** @param folder the examples folder, or null when the server has none */
    ExampleRoutes(Path folder) {
        this.folder = folder;
    }

    /** The names of the example scenarios, sorted. */
    void list(Context ctx) {
        Json.send(ctx, names());
    }

    /** One example's text; 404 for any name that is not in the list. */
    void show(Context ctx) {
        String name = ctx.pathParam("name");
        if (!NAME.matcher(name).matches() || !names().contains(name)) {
            throw ApiException.notFound("no example '" + name + "'; see GET /api/examples");
        }
        try {
            String text = Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
            ctx.contentType("application/yaml; charset=utf-8").result(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> names() {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
