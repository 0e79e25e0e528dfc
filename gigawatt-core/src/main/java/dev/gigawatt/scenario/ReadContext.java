package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.CatalogEntry;
import dev.gigawatt.catalog.Section;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What the section readers share while one scenario file is read: catalog, defaults, site names. */
final class ReadContext {
    final Catalog catalog;
    final Assumptions assumptions;
    final LocalDate horizonStart;
    /** The horizon's end (exclusive), or null when the horizon could not be read. */
    final LocalDate horizonEnd;

    final List<String> siteNames = new ArrayList<>();

    ReadContext(Catalog catalog, Assumptions assumptions, LocalDate horizonStart, LocalDate horizonEnd) {
        this.catalog = catalog;
        this.assumptions = assumptions;
        this.horizonStart = horizonStart;
        this.horizonEnd = horizonEnd;
    }

    /** Days from {@code from} (or the horizon's start if later) to the horizon's end; 0 when unknown. */
    long daysToEnd(LocalDate from) {
        if (horizonEnd == null) {
            return 0;
        }
        LocalDate start = from == null || from.isBefore(horizonStart) ? horizonStart : from;
        return Math.max(0, ChronoUnit.DAYS.between(start, horizonEnd));
    }

    /** Resolves a catalog name under {@code key}; records "unknown ... did you mean" and returns null when absent. */
    <T extends CatalogEntry> T lookup(YamlMap m, String key, Section<T> section, String what) {
        YamlNode node = m.required(key);
        return node == null ? null : lookup(node, section, what);
    }

    /** Resolves a catalog name written at {@code node}. */
    <T extends CatalogEntry> T lookup(YamlNode node, Section<T> section, String what) {
        String name = node.asString();
        if (name == null) {
            return null;
        }
        T found = section.find(name).orElse(null);
        if (found == null) {
            node.problem("unknown " + what + " '" + name + "'" + Suggestions.hint(name, section.names())
                    + " (see 'gigawatt catalog' for the list, or define it under catalog:)");
        }
        return found;
    }

    /** Checks that {@code key} names a site of the scenario; returns the name or null. */
    String siteRef(YamlMap m, String key, boolean required) {
        YamlNode node = required ? m.required(key) : m.optional(key);
        if (node == null) {
            return null;
        }
        String name = node.asString();
        if (name != null && !siteNames.contains(name)) {
            node.problem("unknown site '" + name + "'" + Suggestions.hint(name, siteNames) + " (sites: "
                    + String.join(", ", siteNames) + ")");
            return null;
        }
        return name;
    }
}
