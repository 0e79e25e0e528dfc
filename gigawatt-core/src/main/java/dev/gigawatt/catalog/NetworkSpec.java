package dev.gigawatt.catalog;

import java.util.List;

/**
 * The network a training job's accelerators talk over, in two tiers: the scale-up domain (NVLink,
 * Infinity Fabric, ICI) and the scale-out fabric (InfiniBand, RoCE) between domains.
 *
 * @param scaleUpDomain accelerators in one scale-up domain (8 for an HGX board, 72 for an NVL72 rack)
 * @param scaleUpBandwidthBytesPerSecond scale-up bandwidth per accelerator and direction, B/s
 * @param scaleUpLatencySeconds start-up latency of one collective step in the domain, s
 * @param scaleOutBandwidthBytesPerSecond scale-out bandwidth per accelerator and direction, B/s
 * @param scaleOutLatencySeconds start-up latency of one collective step across domains, s
 * @param podAccelerators accelerators under one full-bisection part of the fabric
 * @param oversubscription bandwidth ratio lost above a pod (7 for a 1:7 aggregation layer), at least 1
 */
public record NetworkSpec(
        String name,
        List<String> aliases,
        String scaleUpName,
        int scaleUpDomain,
        double scaleUpBandwidthBytesPerSecond,
        double scaleUpLatencySeconds,
        String scaleOutName,
        double scaleOutBandwidthBytesPerSecond,
        double scaleOutLatencySeconds,
        long podAccelerators,
        double oversubscription,
        Provenance provenance)
        implements CatalogEntry {
    public NetworkSpec {
        aliases = List.copyOf(aliases);
    }
}
