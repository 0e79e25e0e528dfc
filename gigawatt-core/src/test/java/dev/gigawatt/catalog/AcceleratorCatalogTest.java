package dev.gigawatt.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.model.ItCapex;
import dev.gigawatt.model.ServingEfficiency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in accelerator is complete: sourced, housed in a server, served and trained by one family each. */
class AcceleratorCatalogTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Assumptions ASSUMPTIONS = Assumptions.builtIn();
    private static final double SERVER_SHARE = ASSUMPTIONS.fraction("finance.serverShare");
    private static final double NETWORK_SHARE = ASSUMPTIONS.fraction("finance.networkShare");

    static List<String> names() {
        return CATALOG.accelerators().all().stream().map(Accelerator::name).toList();
    }

    @Test
    void builtIn_holdsTheAcceleratorsTheFieldCompares() {
        assertThat(names())
                .contains(
                        "MI325X",
                        "MI355X",
                        "GH200",
                        "Gaudi2",
                        "Gaudi3",
                        "RTX-PRO-6000",
                        "TPU-v4",
                        "TPU-v5e",
                        "TPU-v6e",
                        "Trainium2")
                .hasSize(20);
    }

    @ParameterizedTest
    @MethodSource("names")
    void accelerator_hasSourceServerFamiliesAndEstimatedPrice(String name) {
        Accelerator a = CATALOG.accelerators().find(name).orElseThrow();
        assertThat(a.provenance().source()).as(name).isNotBlank();
        assertThat(a.peakFlops()).as(name).isNotEmpty();
        assertThat(a.memoryBytes()).as(name).isPositive();
        assertThat(a.idlePowerWatts()).as(name).isPositive().isLessThan(a.tdpWatts());
        assertThat(a.priceUsd()).as(name).isPositive();
        assertThat(a.embodiedCo2eKgHigh()).as(name).isGreaterThan(a.embodiedCo2eKgLow());
        // Prices are estimates (press reports, or a vendor kit price divided by its accelerators).
        assertThat(a.provenance().isEstimate("price")).as(name).isTrue();
        ServerSpec server = CATALOG.servers().find(a.serverName()).orElseThrow();
        assertThat(server.accelerator()).as(name).isEqualTo(a.name());
        assertThat(server.provenance().source()).as(name).isNotBlank();
        assertThat(families(CATALOG.servingFamilies().all(), a)).as(name).isEqualTo(1);
        assertThat(trainingFamilies(a)).as(name).isEqualTo(1);
        // The family's network exists: the serving efficiency resolves without the fallback family.
        ServingEfficiency e = ServingEfficiency.of(ASSUMPTIONS, CATALOG, a, null);
        assertThat(e.gemm()).as(name).isBetween(0.05, 1.0);
    }

    @Test
    void gaudiKits_capexPerServer_isIntelsKitPriceGrossedUpForTheHost() {
        // Intel, Computex 2024: eight Gaudi 3 with their baseboard list at $125,000 ($15,625 each), eight
        // Gaudi 2 at $65,000 ($8,125). The host (CPUs, DRAM, NICs, chassis) is the server share on top:
        // 125,000 / 0.75 = $166,666.67 per server, 15,625 / 0.75 / 0.88 = $23,674.24 per accelerator.
        ServerSpec gaudi3 = CATALOG.servers().find("HLS-Gaudi3").orElseThrow();
        ItCapex capex = ItCapex.perAccelerator(
                CATALOG.accelerators().find("Gaudi3").orElseThrow().priceUsd(), gaudi3, SERVER_SHARE, NETWORK_SHARE);
        assertThat(capex.withServerUsd() * gaudi3.acceleratorsPerServer()).isCloseTo(166_666.67, within(0.01));
        assertThat(capex.totalUsd()).isCloseTo(23_674.24, within(0.01));
        assertThat(CATALOG.accelerators().find("Gaudi2").orElseThrow().priceUsd() * 8)
                .isEqualTo(65_000);
    }

    @Test
    void densePeaks_followTheHeaderConvention() {
        // RTX PRO 6000 Blackwell Server Edition: 4 PFLOPS FP4 with sparsity on the datasheet, 2 dense.
        Accelerator rtx = CATALOG.accelerators().find("RTX-PRO-6000").orElseThrow();
        assertThat(rtx.peakFlops(Precision.FP4)).isEqualTo(2e15);
        assertThat(rtx.peakFlops(Precision.BF16)).isEqualTo(rtx.peakFlops(Precision.FP4) / 4);
        // GH200 is the H100's compute with 144 GB of HBM3e at 4.9 TB/s.
        Accelerator gh200 = CATALOG.accelerators().find("GH200").orElseThrow();
        Accelerator h100 = CATALOG.accelerators().find("H100-SXM").orElseThrow();
        assertThat(gh200.peakFlops()).isEqualTo(h100.peakFlops());
        assertThat(gh200.memoryBytes()).isEqualTo(144e9);
        assertThat(gh200.memoryBandwidthBytesPerSecond()).isEqualTo(4.9e12);
        // CDNA 4 adds FP4, CDNA 3 has none; the MI325X keeps the MI300X's compute dies.
        assertThat(CATALOG.accelerators().find("MI355X").orElseThrow().supports(Precision.FP4))
                .isTrue();
        Accelerator mi325x = CATALOG.accelerators().find("MI325X").orElseThrow();
        assertThat(mi325x.supports(Precision.FP4)).isFalse();
        assertThat(mi325x.peakFlops())
                .isEqualTo(CATALOG.accelerators().find("MI300X").orElseThrow().peakFlops());
        // 32 GiB of HBM2 on TPU v4 is binary: 34.36 GB.
        assertThat(CATALOG.accelerators().find("TPU-v4").orElseThrow().memoryBytes())
                .isEqualTo(32.0 * 1024 * 1024 * 1024);
    }

    @Test
    void sameArchitecture_sharesTheCalibratedFamily() {
        assertThat(CATALOG.servingFamily(find("GH200")).orElseThrow().name()).isEqualTo("nvidia-hopper");
        assertThat(CATALOG.trainingEfficiency(find("GH200")).orElseThrow().name())
                .isEqualTo("nvidia-hopper");
        assertThat(CATALOG.failureRateFactor(find("GH200"))).isEqualTo(1.0);
        assertThat(CATALOG.servingFamily(find("MI325X")).orElseThrow().name()).isEqualTo("amd-cdna3");
        assertThat(CATALOG.servingFamily(find("RTX-PRO-6000")).orElseThrow().name())
                .isEqualTo("nvidia-blackwell-rtx");
    }

    private static Accelerator find(String name) {
        return CATALOG.accelerators().find(name).orElseThrow();
    }

    private static long families(java.util.Collection<ServingFamily> all, Accelerator a) {
        return all.stream()
                .filter(f -> f.accelerators().stream().anyMatch(n -> n.equalsIgnoreCase(a.name())))
                .count();
    }

    private static long trainingFamilies(Accelerator a) {
        return CATALOG.trainingEfficiency().all().stream()
                .filter(f -> f.accelerators().stream().anyMatch(n -> n.equalsIgnoreCase(a.name())))
                .count();
    }
}
