package dev.gigawatt.catalog;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a catalog entry's figures come from: the document it was read from and, per field, the
 * basis of every figure that is an estimate rather than a published value.
 *
 * @param source document, table or page, and year
 * @param estimates field name to the reasoning behind its estimated value
 */
public record Provenance(String source, Map<String, String> estimates) {
    public Provenance {
        estimates = Map.copyOf(estimates);
    }

    /** True when {@code field} is an estimate. */
    public boolean isEstimate(String field) {
        return estimates.containsKey(field);
    }

    /** The estimates sorted by field name, for stable listings. */
    public Map<String, String> sortedEstimates() {
        return new TreeMap<>(estimates);
    }
}
