package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gigawatt.input.InputException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --catalog FILE}: the page's scenarios are read against the built-in catalog extended by the file. */
class CatalogOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** A user grid: Ohio's built-in entry renamed TEST-OH, at a fifth of its carbon intensity. */
    private Path testGrid() throws Exception {
        String grids;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalog/grids.yaml")) {
            grids = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int from = grids.indexOf("  - name: US-OH\n");
        int to = grids.indexOf("\n  - name: ", from + 1);
        String ohio = grids.substring(from, to)
                .replace("name: US-OH", "name: TEST-OH")
                .replace("carbonIntensity: \"475 g/kWh\"", "carbonIntensity: \"95 g/kWh\"");
        Path file = folder.resolve("my-grids.yaml");
        Files.writeString(file, "grids:\n" + ohio + "\n");
        return file;
    }

    @Test
    void catalogFile_itsEntriesValidatePlanAndList_withoutItTheyAreUnknown() throws Exception {
        WebOptions options = new WebOptions("127.0.0.1", 0, folder.resolve("g.duckdb"), TestServer.EXAMPLES, null, 1)
                .withCatalogs(List.of(testGrid()));
        String scenario = TestServer.example("quickstart.yaml").replace("grid: US-OH", "grid: TEST-OH");
        try (TestServer plain = new TestServer(folder.resolve("plain"));
                TestServer mine = new TestServer(folder, options)) {
            JsonNode unknown =
                    JSON.readTree(plain.post("/api/validate", scenario).body());
            JsonNode valid = JSON.readTree(mine.post("/api/validate", scenario).body());
            JsonNode plan = JSON.readTree(mine.post("/api/plan", scenario).body());
            JsonNode ohio = JSON.readTree(mine.post("/api/plan", TestServer.example("quickstart.yaml"))
                    .body());
            JsonNode grids = JSON.readTree(mine.get("/api/catalog/grids").body());

            assertThat(unknown.get("valid").asBoolean()).isFalse();
            assertThat(unknown.get("problems").get(0).get("message").asText()).contains("TEST-OH");
            assertThat(valid.get("valid").asBoolean()).isTrue();
            double co2 = plan.get("sites").get(0).get("co2eTonnesPerYear").asDouble();
            double ohioCo2 = ohio.get("sites").get(0).get("co2eTonnesPerYear").asDouble();
            assertThat(co2 / ohioCo2).isCloseTo(95.0 / 475, org.assertj.core.data.Offset.offset(0.01));
            assertThat(grids.findValuesAsText("name")).contains("TEST-OH", "US-OH");
            assertThat(JSON.readTree(plain.get("/api/catalog/grids").body()).findValuesAsText("name"))
                    .doesNotContain("TEST-OH");
        }
    }

    @Test
    void catalogFile_withProblems_refusesToStartWithThem() throws Exception {
        Path bad = folder.resolve("bad.yaml");
        Files.writeString(bad, "grids:\n  - name: X\n");
        WebOptions options =
                new WebOptions("127.0.0.1", 0, folder.resolve("g.duckdb"), null, null, 1).withCatalogs(List.of(bad));

        assertThatThrownBy(() -> WebServer.start(options))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).fileName()).isEqualTo(bad.toString()));
    }
}
