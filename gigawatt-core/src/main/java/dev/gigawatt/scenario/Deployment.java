package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ServerSpec;
import dev.gigawatt.model.ItCapex;
import java.time.LocalDate;

/**
 * A batch of identical accelerators placed at a site on a date.
 *
 * @param count accelerators in the batch
 * @param priceUsd purchase price per accelerator (catalog or finance override), USD
 */
public record Deployment(
        Accelerator accelerator,
        ServerSpec server,
        long count,
        String site,
        LocalDate inService,
        int acceleratorsPerServer,
        int serversPerRack,
        double priceUsd) {
    /** IT capex of one accelerator of the batch under {@code finance}'s shares and the price convention. */
    public ItCapex itCapexPerAccelerator(Finance finance) {
        return ItCapex.perAccelerator(priceUsd, server, finance.serverShare(), finance.networkShare());
    }

    /** Servers needed for the batch (rounded up). */
    public long servers() {
        return (count + acceleratorsPerServer - 1) / acceleratorsPerServer;
    }

    /** Racks needed for the batch (rounded up). */
    public long racks() {
        return (servers() + serversPerRack - 1) / serversPerRack;
    }
}
