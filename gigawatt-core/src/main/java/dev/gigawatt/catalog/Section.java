package dev.gigawatt.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of catalog entry (accelerators, models, ...), looked up by name or alias ignoring case;
 * immutable. A {@link Builder} makes one: later entries with the same name replace earlier ones, so
 * a user catalog can override a built-in.
 */
public final class Section<T extends CatalogEntry> {
    private final Map<String, T> byName;
    private final Map<String, T> byKey;
    private final List<T> all;

    private Section(Map<String, T> byName, Map<String, T> byKey) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        this.all = List.copyOf(byName.values());
    }

    /** An empty section. */
    public static <T extends CatalogEntry> Section<T> empty() {
        return new Builder<T>().build();
    }

    /** The entry named (or aliased) {@code name}. */
    public Optional<T> find(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /** All entries in the order they were added. */
    public Collection<T> all() {
        return all;
    }

    /** Every name and alias, for "did you mean" hints. */
    public List<String> names() {
        List<String> names = new ArrayList<>(byName.keySet());
        for (T entry : byName.values()) {
            names.addAll(entry.aliases());
        }
        return names;
    }

    /** A builder holding this section's entries, to add to without changing this section. */
    Builder<T> toBuilder() {
        Builder<T> builder = new Builder<>();
        builder.byName.putAll(byName);
        builder.byKey.putAll(byKey);
        return builder;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Collects the entries of a section; an entry with a name already present replaces the earlier one. */
    static final class Builder<T extends CatalogEntry> {
        private final Map<String, T> byName = new LinkedHashMap<>();
        private final Map<String, T> byKey = new LinkedHashMap<>();

        /** Adds or replaces an entry. */
        Builder<T> put(T entry) {
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
            return this;
        }

        /** The section of the entries put so far. */
        Section<T> build() {
            return new Section<>(byName, byKey);
        }
    }
}
