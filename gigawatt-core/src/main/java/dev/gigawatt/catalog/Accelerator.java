package dev.gigawatt.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An AI accelerator (GPU, TPU or inference ASIC) with its published limits and estimated economics.
 *
 * @param peakFlops dense (no sparsity) peak throughput per precision, FLOP/s (or OP/s for INT8)
 * @param memoryBytes accelerator memory (HBM or LPDDR) capacity, bytes
 * @param memoryBandwidthBytesPerSecond memory bandwidth, B/s
 * @param tdpWatts thermal design power, W
 * @param idlePowerWatts power when powered on and idle, W
 * @param interconnectBandwidthBytesPerSecond scale-up interconnect bandwidth per accelerator, B/s
 * @param serverName the default {@link ServerSpec} this accelerator ships in
 * @param priceUsd purchase price per accelerator, USD
 * @param embodiedCo2eKgLow low end of embodied emissions per accelerator, kgCO2e
 * @param embodiedCo2eKgHigh high end of embodied emissions per accelerator, kgCO2e
 */
public record Accelerator(
        String name,
        List<String> aliases,
        String vendor,
        String kind,
        int year,
        Map<Precision, Double> peakFlops,
        double memoryBytes,
        double memoryBandwidthBytesPerSecond,
        double tdpWatts,
        double idlePowerWatts,
        String interconnectName,
        double interconnectBandwidthBytesPerSecond,
        String serverName,
        double priceUsd,
        double embodiedCo2eKgLow,
        double embodiedCo2eKgHigh,
        Provenance provenance)
        implements CatalogEntry {
    public Accelerator {
        aliases = List.copyOf(aliases);
        peakFlops = peakFlops.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(peakFlops));
    }

    /** Dense peak throughput at {@code precision}, FLOP/s, or 0 when the hardware lacks that format. */
    public double peakFlops(Precision precision) {
        return peakFlops.getOrDefault(precision, 0.0);
    }

    /** True when the accelerator has a native peak figure for {@code precision}. */
    public boolean supports(Precision precision) {
        return peakFlops.containsKey(precision);
    }

    /** Midpoint of the embodied-emissions range, kgCO2e. */
    public double embodiedCo2eKg() {
        return (embodiedCo2eKgLow + embodiedCo2eKgHigh) / 2;
    }
}
