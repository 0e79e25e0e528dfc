package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** What a failure takes out of a job, from the catalog. */
class FailureDomainTest {
    static final Catalog CATALOG = Catalog.builtIn();

    @Test
    void hardwareShare_llama3TableFive_excludesSoftwareAndNetwork() {
        // Table 5: 419 unexpected; software bug 54, NCCL watchdog 7, dependency 2 and network 35 leave
        // 321 accelerator and host faults.
        assertThat(CATALOG.reliability().hardwareShare()).isCloseTo(321.0 / 419, within(1e-12));
    }

    @Test
    void failureDomain_isTheServerOrTheNvl72ComputeTray() {
        assertThat(CATALOG.servers().find("HGX-H100").orElseThrow().failureDomain())
                .isEqualTo(8);
        assertThat(CATALOG.servers().find("GB200-NVL72").orElseThrow().failureDomain())
                .isEqualTo(4);
    }
}
