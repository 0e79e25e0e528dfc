package dev.gigawatt.catalog;

import java.util.List;

/**
 * How often one accelerator generation fails relative to the reference observation in
 * {@code reliability.yaml} (Llama 3's H100 fleet).
 *
 * @param accelerators names of the catalog accelerators of the generation
 * @param factor failure rate over the reference rate, all causes
 */
public record FailureRateFactor(String name, List<String> accelerators, double factor, Provenance provenance)
        implements CatalogEntry {
    public FailureRateFactor {
        accelerators = List.copyOf(accelerators);
    }
}
