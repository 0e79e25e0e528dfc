package dev.gigawatt.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of catalog entry (accelerators, models, ...), looked up by name or alias ignoring case.
 * Later entries with the same name replace earlier ones, so a user catalog can override a built-in.
 */
public final class Section<T extends CatalogEntry> {
    private final Map<String, T> byName = new LinkedHashMap<>();
    private final Map<String, T> byKey = new LinkedHashMap<>();

    /** Adds or replaces an entry. */
    public void put(T entry) {
        T previous = byKey.get(key(entry.name()));
        if (previous != null && key(previous.name()).equals(key(entry.name()))) {
            byName.remove(previous.name());
            byKey.values().removeIf(e -> e == previous);
        }
        byName.put(entry.name(), entry);
        byKey.put(key(entry.name()), entry);
        for (String alias : entry.aliases()) {
            byKey.putIfAbsent(key(alias), entry);
        }
    }

    /** Adds or replaces every entry of {@code other}. */
    public void putAll(Section<T> other) {
        other.all().forEach(this::put);
    }

    /** The entry named (or aliased) {@code name}. */
    public Optional<T> find(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /** All entries in the order they were added. */
    public Collection<T> all() {
        return List.copyOf(byName.values());
    }

    /** Every name and alias, for "did you mean" hints. */
    public List<String> names() {
        List<String> names = new ArrayList<>(byName.keySet());
        for (T entry : byName.values()) {
            names.addAll(entry.aliases());
        }
        return names;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
