package dev.gigawatt.catalog;

/**
 * A server (or rack-scale system) that holds accelerators, with the power of everything that is
 * not an accelerator: CPUs, memory, NICs, fans, storage and its share of switches.
 *
 * @param hostPowerWatts non-accelerator power per server at full load, W
 * @param hostIdlePowerWatts non-accelerator power per server when idle, W
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
        int failureDomain,
        Provenance provenance)
        implements CatalogEntry {}
