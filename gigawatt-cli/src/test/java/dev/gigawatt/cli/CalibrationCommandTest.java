package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Black-box tests of {@code gigawatt calibration}. */
class CalibrationCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void calibration_training_printsEveryExpressedRowAndTheRowsNotExpressed() {
        CliRun r = run("calibration", "training", "--no-loo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("TRN-LLAMA3-01 ")
                .contains("TRN-MBRIDGE-06 ")
                .contains("49 rows expressed and counted (2 superseded rows shown besides); fit: median |error|")
                .contains("TRN-DGXC-02 (superseded) ")
                .contains("Superseded rows (2), shown above but not fitted or counted:")
                .contains("Rows not expressed (16):")
                .contains("TRN-MLPT-LORA-01")
                .doesNotContain("leave-one-out");
    }

    @Test
    void calibration_withFit_printsTheRefittedFamilies() {
        CliRun r = run("calibration", "--no-loo", "--fit");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Refitted on every counted row:").contains("nvidia-hopper");
    }

    @Test
    void calibration_unknownSet_isBadInput() {
        CliRun r = run("calibration", "water");
        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("water");
    }

    @Test
    void calibration_power_printsEveryExpressedRowAndTheRowsNotExpressed() {
        CliRun r = run("calibration", "power", "--no-loo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("PWR-MLENERGY-01", "PWR-MLPT-02", "Rows not expressed (5)", "PWR-OLMO-01");
    }

    @Test
    void calibration_serving_printsEveryExpressedRowAndTheRowsNotExpressed() {
        CliRun r = run("calibration", "serving", "--no-loo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("Serving replica model against 36 published rows")
                .contains("SRV-TRTLLM-01")
                .contains("SRV-NIM-03")
                .contains("SRV-SGLANG-02")
                .contains("18 rows expressed; fit: median |error|")
                .contains("Rows not expressed (18):")
                .contains("SRV-SGLANG-01");
    }

    @Test
    void calibration_reliability_printsEveryExpressedRowAndTheRowsNotExpressed() {
        CliRun r = run("calibration", "reliability");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("REL-LLAMA3-01")
                .contains("REL-OPT-03")
                .contains("Rows not expressed (16):")
                .contains("REL-ACME-01");
    }
}
