package dev.gigawatt.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Catalog;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog's failure rates against the published failure observations. */
class ReliabilityCalibrationTest {
    static final ReliabilityCalibration CALIBRATION = new ReliabilityCalibration(Catalog.builtIn());

    static Map<String, Double> errors() {
        return CALIBRATION.rows().stream()
                .collect(Collectors.toMap(ReliabilityCalibration.Row::id, ReliabilityCalibration.Row::error));
    }

    @Test
    void cases_everyPublishedRow_isExpressedOrExplained() {
        Set<String> covered = new HashSet<>(CALIBRATION.notExpressed().keySet());
        CALIBRATION.rows().forEach(r -> covered.add(r.id()));
        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(
                        PublishedRow.read("/calibration/reliability.csv").keySet());
    }

    @Test
    void reference_andItsGenerations_reproduceTheirRows() {
        // Llama 3 Table 5: 419 in 54 days on 16,384 H100s (the reference); BLOOM: ~1 GPU failure a week on
        // 384 A100s (a cross-check, not fitted); B200: 10 GPU failures in 55 days on 504 (the fitted row).
        assertThat(errors().get("REL-LLAMA3-01")).isCloseTo(0, within(1e-9));
        assertThat(Math.abs(errors().get("REL-BLOOM-01"))).isLessThan(0.25);
        assertThat(Math.abs(errors().get("REL-B200-01"))).isLessThan(0.10);
    }

    @Test
    void opt175b_onACloudProvider_failedSeveralTimesMoreOftenThanTheModel() {
        // OPT-175B logbook (metaseq): ~90 restarts in ~8 weeks, 40+ in two weeks, ~2 machines down a day
        // on 1,024 cloud A100s. The model, from an on-premises H100 fleet, predicts a third to a half of
        // that; docs/models.md records the gap rather than fitting it away.
        assertThat(errors().get("REL-OPT-01")).isBetween(-0.8, -0.4);
        assertThat(errors().get("REL-OPT-03")).isBetween(-0.85, -0.5);
    }
}
