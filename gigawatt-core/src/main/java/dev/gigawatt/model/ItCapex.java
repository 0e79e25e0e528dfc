package dev.gigawatt.model;

import dev.gigawatt.catalog.ServerSpec;

/**
 * IT capex per accelerator, split the way it is booked: the accelerator's price, the rest of its
 * server, and its share of the network.
 *
 * <p>The price convention: an accelerator's catalog price covers the accelerator alone unless its
 * server type says {@code acceleratorPriceCovers: server} (rack-scale systems sold whole, such as
 * GB200 NVL72, whose per-accelerator price is the rack price divided by its accelerators). Only
 * prices of the accelerator alone are grossed up by the non-accelerator share of the server; every
 * price is grossed up by the network share, because the scale-out fabric is outside the server.
 *
 * @param acceleratorUsd the accelerator's price as given (catalog or scenario), USD
 * @param serverUsd the rest of the server not in that price, USD
 * @param networkUsd the accelerator's share of the network, USD
 */
public record ItCapex(double acceleratorUsd, double serverUsd, double networkUsd) {
    /**
     * The capex of one accelerator of price {@code priceUsd} in {@code server}.
     *
     * @param priceUsd the accelerator's price, USD
     * @param serverShare non-accelerator share of a server's cost, 0..1, applied only when the price
     *     covers the accelerator alone
     * @param networkShare network share of IT capex, 0..1
     */
    public static ItCapex perAccelerator(double priceUsd, ServerSpec server, double serverShare, double networkShare) {
        double share = server.priceCoversServer() ? 0 : serverShare;
        double withServer = priceUsd / (1 - share);
        double total = withServer / (1 - networkShare);
        return new ItCapex(priceUsd, withServer - priceUsd, total - withServer);
    }

    /** The accelerator with its share of the whole server (what a server or rack price is compared with), USD. */
    public double withServerUsd() {
        return acceleratorUsd + serverUsd;
    }

    /** Accelerator, server and network, USD. */
    public double totalUsd() {
        return acceleratorUsd + serverUsd + networkUsd;
    }

    /** The same capex for {@code count} accelerators. */
    public ItCapex times(double count) {
        return new ItCapex(acceleratorUsd * count, serverUsd * count, networkUsd * count);
    }
}
