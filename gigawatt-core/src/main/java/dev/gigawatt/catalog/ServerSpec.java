package dev.gigawatt.catalog;

/**
 * A server (or rack-scale system) that holds accelerators, with the power of everything that is
 * not an accelerator: CPUs, memory, NICs, fans, storage and its share of switches.
 *
 * @param hostPowerWatts non-accelerator power per server at full load, W
 * @param hostIdlePowerWatts non-accelerator power per server when idle, W
 * @param priceCoversServer true when the accelerator's catalog price already includes its share of
 *     this server or rack (CPUs, memory, switch trays, chassis), so capex adds no server share
 * @param systemPriceUsd sourced or estimated price of one whole server or rack, USD (NaN when none
 *     is known); a check on the price convention, not used in the arithmetic
 * @param failureDomain accelerators a hardware fault takes out of a job until a spare replaces them (the
 *     server, or an NVL72 rack's compute tray)
 */
public record ServerSpec(
        String name,
        String accelerator,
        int acceleratorsPerServer,
        int serversPerRack,
        double hostPowerWatts,
        double hostIdlePowerWatts,
        boolean priceCoversServer,
        double systemPriceUsd,
        int failureDomain,
        Provenance provenance)
        implements CatalogEntry {}
