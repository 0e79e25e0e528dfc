package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Provenance;
import dev.gigawatt.catalog.ServerSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItCapexTest {
    private static ServerSpec server(boolean priceCoversServer) {
        return new ServerSpec(
                "box", "x", 8, 4, 4_600, 1_500, priceCoversServer, Double.NaN, 8, new Provenance("test", Map.of()));
    }

    @Test
    void perAccelerator_priceOfAcceleratorAlone_grossesUpServerAndNetwork() {
        // $30,000 accelerator, 25% server share, 12% network share:
        // 30,000 / 0.75 = 40,000 with its server; / 0.88 = 45,454.55 with the network.
        ItCapex c = ItCapex.perAccelerator(30_000, server(false), 0.25, 0.12);
        assertThat(c.acceleratorUsd()).isEqualTo(30_000);
        assertThat(c.serverUsd()).isCloseTo(10_000, within(1e-9));
        assertThat(c.networkUsd()).isCloseTo(5_454.545, within(1e-3));
        assertThat(c.totalUsd()).isCloseTo(45_454.545, within(1e-3));
    }

    @Test
    void perAccelerator_priceCoversServer_addsOnlyTheNetwork() {
        // GB200: $42,000 is already a 1/72 share of a ~$3M NVL72 rack; 42,000 / 0.88 = 47,727.27.
        ItCapex c = ItCapex.perAccelerator(42_000, server(true), 0.25, 0.12);
        assertThat(c.serverUsd()).isZero();
        assertThat(c.totalUsd()).isCloseTo(47_727.27, within(0.01));
    }

    @Test
    void times_scalesEveryPart() {
        ItCapex c = ItCapex.perAccelerator(30_000, server(false), 0.25, 0.12).times(2);
        assertThat(c.withServerUsd()).isCloseTo(80_000, within(1e-6));
    }
}
