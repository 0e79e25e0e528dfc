package dev.gigawatt.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.model.StepConstants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/models.md shows the training and serving calibration tables as generated, never hand-typed; run with
 * {@code -Dgolden.update=true} to rewrite it.
 */
class ModelsDocTest {
    private static final Path DOC = Path.of("../docs/models.md");
    private static final String BEGIN = "<!-- calibration:training:begin -->\n";
    private static final String END = "<!-- calibration:training:end -->";
    private static final String SERVING_BEGIN = "<!-- calibration:serving:begin -->\n";
    private static final String SERVING_END = "<!-- calibration:serving:end -->";
    private static final String POWER_BEGIN = "<!-- calibration:power:begin -->\n";
    private static final String POWER_END = "<!-- calibration:power:end -->";

    @Test
    void modelsDoc_calibrationTable_isTheGeneratedOne() throws IOException {
        var calibration = new TrainingCalibration(
                TrainingCases.builtIn(Catalog.builtIn()), StepConstants.from(Assumptions.builtIn()));
        String table = CalibrationTable.markdown(
                calibration.predict(),
                calibration.leaveOneOut(),
                calibration.cases().superseded(),
                calibration.cases().notExpressed());
        checkBlock(BEGIN, END, table);
    }

    @Test
    void modelsDoc_servingCalibrationTable_isTheGeneratedOne() throws IOException {
        var calibration = new ServingCalibration(ServingCases.builtIn(Catalog.builtIn()), Assumptions.builtIn());
        String table = ServingCalibrationTable.markdown(
                calibration.predict(),
                calibration.leaveOneOut(),
                calibration.cases().notExpressed());
        checkBlock(SERVING_BEGIN, SERVING_END, table);
    }

    @Test
    void modelsDoc_powerCalibrationTable_isTheGeneratedOne() throws IOException {
        var calibration = new PowerCalibration(PowerCases.builtIn(Catalog.builtIn()), Assumptions.builtIn());
        String table = PowerCalibrationTable.markdown(
                calibration.predict(),
                calibration.leaveOneOut(),
                calibration.cases().notExpressed());
        checkBlock(POWER_BEGIN, POWER_END, table);
    }

    private static void checkBlock(String beginMarker, String endMarker, String table) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(beginMarker);
        int end = doc.indexOf(endMarker);
        assertThat(begin).as("begin marker").isNotNegative();
        assertThat(end).as("end marker").isGreaterThan(begin);
        String current = doc.substring(begin + beginMarker.length(), end);
        String expected = "\n" + table + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(
                    DOC,
                    doc.substring(0, begin + beginMarker.length()) + expected + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).isEqualTo(expected);
    }
}
