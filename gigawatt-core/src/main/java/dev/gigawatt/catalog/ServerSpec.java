package dev.gigawatt.catalog;

/**
 * A server (or rack-scale system) that holds accelerators, with the power of everything that is
 * not an accelerator: CPUs, memory, NICs, fans, storage and its share of switches.
 *
 * @param hostPowerWatts non-accelerator power per server at full load, W
 * @param hostIdlePowerWatts non-accelerator power per server when idle, W
 */
public record ServerSpec(
        String name,
        String accelerator,
        int acceleratorsPerServer,
        int serversPerRack,
        double hostPowerWatts,
        double hostIdlePowerWatts,
        Provenance provenance)
        implements CatalogEntry {}
