package dev.gigawatt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every key the plan JSON writes is in docs/scenario.md's "plan JSON" tables, under its object's heading. */
class PlanJsonDocTest {
    @Test
    void everyKeyOfThePlanJson_isDocumentedInItsSection() throws IOException {
        String doc = Files.readString(Path.of("../docs/scenario.md"), StandardCharsets.UTF_8);
        var scenario = ScenarioReader.read(Path.of("../examples/meta-2025.yaml"), "meta-2025.yaml", Catalog.builtIn());
        JsonNode plan = new ObjectMapper().readTree(PlanJson.write(new Planner(Assumptions.builtIn()).plan(scenario)));
        Map<String, JsonNode> sections = Map.of(
                "### `sites[]`", plan.get("sites").get(0),
                "### `fleet`", plan.get("fleet"),
                "### `training[]`", plan.get("training").get(0),
                "### `inference[]`", plan.get("inference").get(0));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : sections.entrySet()) {
            int from = doc.indexOf(section.getKey());
            assertThat(from).as(section.getKey()).isNotNegative();
            int to = doc.indexOf("\n#", from + section.getKey().length());
            String table = doc.substring(from, to < 0 ? doc.length() : to);
            section.getValue().fieldNames().forEachRemaining(key -> {
                if (!table.contains("`" + key + "`")) {
                    missing.add(section.getKey() + " " + key);
                }
            });
        }
        assertThat(missing).isEmpty();
    }
}
