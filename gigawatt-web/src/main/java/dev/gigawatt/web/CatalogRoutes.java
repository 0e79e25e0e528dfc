package dev.gigawatt.web;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.CatalogEntry;
import dev.gigawatt.catalog.Section;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/catalog/{kind}}: every entry of one kind (built in, or from a {@code --catalog} file) ({@code accelerators}, {@code
 * servers}, {@code models}, {@code grids}, {@code cooling}, {@code assumptions}) with all its
 * figures, its source and the basis of each estimate, as {@code gigawatt catalog KIND NAME} shows them.
 */
final class CatalogRoutes {
    /** The kinds, in the order {@code gigawatt catalog} lists them. */
    static final List<String> KINDS = List.of("accelerators", "servers", "models", "grids", "cooling", "assumptions");

    private final Catalog catalog;

    CatalogRoutes(Catalog catalog) {
        this.catalog = catalog;
    }

    void list(Context ctx) {
        String kind = ctx.pathParam("kind");
        if (kind.equals("assumptions")) {
            Json.send(
                    ctx,
                    Assumptions.builtIn().all().stream()
                            .map(CatalogRoutes::assumption)
                            .toList());
            return;
        }
        Json.send(ctx, section(catalog, kind).all());
    }

    private static Section<? extends CatalogEntry> section(Catalog catalog, String kind) {
        return switch (kind) {
            case "accelerators" -> catalog.accelerators();
            case "servers" -> catalog.servers();
            case "models" -> catalog.models();
            case "grids" -> catalog.grids();
            case "cooling" -> catalog.cooling();
            default ->
                throw ApiException.notFound(
                        "no catalog kind '" + kind + "'; the kinds are " + String.join(", ", KINDS));
        };
    }

    private static Map<String, Object> assumption(Assumptions.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("value", e.text());
        m.put("estimate", e.estimate());
        m.put("source", e.source());
        return m;
    }
}
