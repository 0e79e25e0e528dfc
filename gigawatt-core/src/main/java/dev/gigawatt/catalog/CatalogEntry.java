package dev.gigawatt.catalog;

import java.util.List;

/** Something in a catalog: found by name or alias, and carrying where its figures come from. */
public interface CatalogEntry {
    /** The entry's unique name. */
    String name();

    /** Other names the entry is found by. */
    default List<String> aliases() {
        return List.of();
    }

    /** Sources and estimates behind the entry's figures. */
    Provenance provenance();
}
