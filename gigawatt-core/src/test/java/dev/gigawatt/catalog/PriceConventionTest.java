package dev.gigawatt.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.model.ItCapex;
import org.junit.jupiter.api.Test;

/** The catalog's accelerator prices, grossed up by the price convention, give its sourced system prices. */
class PriceConventionTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final double SERVER_SHARE = Assumptions.builtIn().fraction("finance.serverShare");
    private static final double NETWORK_SHARE = Assumptions.builtIn().fraction("finance.networkShare");

    @Test
    void serverCapex_everyServerWithASystemPrice_matchesItWithin10Percent() {
        int checked = 0;
        for (ServerSpec server : CATALOG.servers().all()) {
            if (Double.isNaN(server.systemPriceUsd())) {
                continue;
            }
            Accelerator accelerator =
                    CATALOG.accelerators().find(server.accelerator()).orElseThrow();
            double perServer = ItCapex.perAccelerator(accelerator.priceUsd(), server, SERVER_SHARE, NETWORK_SHARE)
                            .withServerUsd()
                    * server.acceleratorsPerServer();
            assertThat(perServer)
                    .as("capex of one %s from its accelerator price", server.name())
                    .isCloseTo(server.systemPriceUsd(), within(0.10 * server.systemPriceUsd()));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    @Test
    void gb200_capexPerAccelerator_isTheRackShareWithNetworkNotGrossedUpTwice() {
        // $42,000 per GPU already includes its 1/72 share of the NVL72 rack (Grace CPUs, switch trays);
        // only the 12% network share is added: 42,000 / 0.88 = $47,727 (was 42,000 / 0.75 / 0.88 = $63,636).
        ServerSpec nvl72 = CATALOG.servers().find("GB200-NVL72").orElseThrow();
        Accelerator gb200 = CATALOG.accelerators().find("GB200").orElseThrow();
        ItCapex capex = ItCapex.perAccelerator(gb200.priceUsd(), nvl72, SERVER_SHARE, NETWORK_SHARE);
        assertThat(capex.totalUsd()).isCloseTo(47_727.27, within(0.01));
    }

    @Test
    void hgxH100_capexPerAccelerator_addsServerAndNetwork() {
        // $27,500 / 0.75 / 0.88 = $41,666.67.
        ServerSpec hgx = CATALOG.servers().find("HGX-H100").orElseThrow();
        ItCapex capex = ItCapex.perAccelerator(27_500, hgx, SERVER_SHARE, NETWORK_SHARE);
        assertThat(capex.totalUsd()).isCloseTo(41_666.67, within(0.01));
    }
}
