package dev.gigawatt.catalog;

import dev.gigawatt.input.Bound;
import dev.gigawatt.input.YamlNode;

/** Reads the catalog's {@code servingEfficiency:} section. */
final class ServingCatalogReader {
    private ServingCatalogReader() {}

    static ServingFamily family(YamlNode node) {
        return CatalogReader.entry(node, m -> {
            String name = m.string("name");
            var aliases = m.strings("aliases");
            var accelerators = m.strings("accelerators");
            double gemm = m.fraction("gemm", Bound.POSITIVE_UNIT_INTERVAL);
            double half = m.number("gemmHalfTokens", Bound.NON_NEGATIVE);
            double memory = m.fraction("memory", Bound.POSITIVE_UNIT_INTERVAL);
            return provenance -> new ServingFamily(name, aliases, accelerators, gemm, half, memory, provenance);
        });
    }
}
