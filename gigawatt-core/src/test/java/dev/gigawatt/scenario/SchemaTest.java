package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks schema/scenario.schema.json against the bundled examples and against typical mistakes. */
class SchemaTest {
    private static final Path SCHEMA = Path.of("../schema/scenario.schema.json");
    private static final Path EXAMPLES = Path.of("../examples");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final String MINIMAL = """
            name: minimal
            horizon: {start: 2025-01-01, end: 2026}
            sites:
              - name: columbus
                grid: US-OH
                capacity: "100 MW"
            """;

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = factory.getSchema(in);
        }
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void examples_folder_isNotEmpty() throws IOException {
        assertThat(examples()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void validate_bundledExample_hasNoErrors(Path example) throws IOException {
        assertThat(validate(YAML.readTree(example.toFile()))).isEmpty();
    }

    @Test
    void schema_againstDraft202012MetaSchema_isValid() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema meta = factory.getSchema(URI.create("https://json-schema.org/draft/2020-12/schema"));
        JsonNode ours = new ObjectMapper().readTree(SCHEMA.toFile());
        assertThat(meta.validate(ours)).isEmpty();
    }

    @Test
    void validate_minimalScenario_hasNoErrors() {
        assertThat(validate(yaml(MINIMAL))).isEmpty();
    }

    @Test
    void validate_unknownTopLevelKey_isRejected() {
        Set<ValidationMessage> errors = validate(yaml(MINIMAL + "trainng: []\n"));

        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(m -> assertThat(m.getMessage()).contains("trainng"));
    }

    @Test
    void validate_misspeltSiteKey_isRejected() {
        Set<ValidationMessage> errors = validate(yaml(MINIMAL + "    coolng: liquid\n"));

        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(m -> assertThat(m.getMessage()).contains("coolng"));
    }

    @Test
    void validate_powerWithoutUnit_isRejected() {
        assertThat(validate(yaml(MINIMAL.replace("\"100 MW\"", "100")))).isNotEmpty();
    }

    @Test
    void validate_powerWithEnergyUnit_isRejected() {
        assertThat(validate(yaml(MINIMAL.replace("100 MW", "100 MWh")))).isNotEmpty();
    }

    @Test
    void validate_horizonWithEndAndDuration_isRejected() {
        String both = MINIMAL.replace("end: 2026}", "end: 2026, duration: \"1 year\"}");

        assertThat(validate(yaml(both))).isNotEmpty();
    }

    @Test
    void validate_capacityStepsMonthlyPueAndInlineModel_hasNoErrors() {
        String scenario = """
                name: forms
                horizon: {start: 2025-03, duration: "2 years"}
                sites:
                  - name: a
                    grid: US
                    capacity:
                      - {from: 2025-06, power: "500 MW"}
                      - {from: 2027, power: "1 GW"}
                    pue: [1.2, 1.2, 1.15, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.15, 1.2, 1.2]
                    electricityPrice: "$0.06/kWh"
                    utilisation: 0.6
                inference:
                  - name: tiny
                    model: {name: tiny-1b, parameters: "1.2B", layers: 16, hiddenSize: 2048, heads: 32, kvHeads: 8}
                    users: "300k"
                    requestsPerUserPerDay: 4
                    inputTokens: "1.5k"
                    outputTokens: 200
                    slo: {ttft: "500 ms", tpot: "20 ms"}
                    growthPerYear: "-10%"
                    accelerator: choose
                    parallelism: {tp: 2}
                finance:
                  facilityCost: "$11M/MW"
                  acceleratorPrices: {H100: "$25,000"}
                  revenue: {perMillionTokens: "$2"}
                """;

        assertThat(validate(yaml(scenario))).isEmpty();
    }

    @Test
    void validate_unknownPrecision_isRejected() {
        String scenario = MINIMAL + """
                training:
                  - name: t
                    model: llama-3.1-8b
                    tokens: "1T"
                    accelerators: 1024
                    accelerator: H100-SXM
                    precision: bf15
                """;

        assertThat(validate(yaml(scenario))).isNotEmpty();
    }

    private static Set<ValidationMessage> validate(JsonNode scenario) {
        return schema.validate(scenario);
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
