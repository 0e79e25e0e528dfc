package dev.gigawatt.model;

import dev.gigawatt.catalog.NetworkSpec;

/**
 * Time of collectives over a network's tiers. A group of {@code span} consecutive accelerators stays in
 * the scale-up domain when the span fits in it and crosses the scale-out fabric otherwise (divided by the
 * oversubscription once it leaves a pod).
 */
final class Links {
    private final NetworkSpec network;
    private final double efficiency;

    Links(NetworkSpec network, double communicationEfficiency) {
        this.network = network;
        this.efficiency = communicationEfficiency;
    }

    /** Achieved bandwidth per accelerator for a group spanning {@code span} accelerators, B/s. */
    double bandwidth(double span) {
        if (span <= network.scaleUpDomain()) {
            return network.scaleUpBandwidthBytesPerSecond() * efficiency;
        }
        double out = network.scaleOutBandwidthBytesPerSecond() * efficiency;
        return span > network.podAccelerators() ? out / network.oversubscription() : out;
    }

    /** Start-up latency of one step for a group spanning {@code span} accelerators, s. */
    double latency(double span) {
        return span <= network.scaleUpDomain() ? network.scaleUpLatencySeconds() : network.scaleOutLatencySeconds();
    }

    /**
     * All-gather or reduce-scatter of a {@code bytes} tensor over {@code members} spaced {@code stride}
     * apart, done hierarchically as NCCL's rings do: inside each scale-up domain first, then across
     * domains, where each of the {@code k} members a domain holds carries {@code 1/k} of the traffic, s.
     */
    double gather(double bytes, double members, double stride) {
        if (members <= 1) {
            return 0;
        }
        double span = members * stride;
        double perDomain = Math.max(1, Math.min(members, network.scaleUpDomain() / stride));
        double domains = members / perDomain;
        double time = 0;
        if (perDomain > 1) {
            time += Math.log(perDomain) / Math.log(2) * network.scaleUpLatencySeconds()
                    + (perDomain - 1) / perDomain * bytes / bandwidth(perDomain);
        }
        if (domains > 1) {
            time += Math.log(domains) / Math.log(2) * latency(span)
                    + (domains - 1) / domains * bytes / perDomain / bandwidth(span);
        }
        return time;
    }

    /**
     * All-reduce of a {@code bytes} tensor over {@code members} consecutive accelerators: a reduce-scatter
     * then an all-gather, s.
     */
    double allReduce(double bytes, double members) {
        return 2 * gather(bytes, members, 1);
    }

    /**
     * All-to-all of {@code bytes} per member over {@code members} consecutive accelerators: the share of
     * peers outside the scale-up domain goes over scale-out, s.
     */
    double allToAll(double bytes, double members) {
        if (members <= 1) {
            return 0;
        }
        double moved = (members - 1) / members * bytes;
        int domain = network.scaleUpDomain();
        if (members <= domain) {
            return latency(members) + moved / bandwidth(members);
        }
        double outside = (members - domain) / members;
        return latency(members)
                + Math.max(moved * outside / bandwidth(members), moved * (1 - outside) / bandwidth(domain));
    }

    /** One point-to-point send between accelerators {@code stride} apart, s. */
    double send(double bytes, double stride) {
        double span = stride + 1;
        return latency(span) + bytes / bandwidth(span);
    }
}
