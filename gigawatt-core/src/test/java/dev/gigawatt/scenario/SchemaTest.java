package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks schema/scenario.schema.json against the bundled examples and against typical mistakes. */
class SchemaTest {
    private static final Path SCHEMA = Path.of("../schema/scenario.schema.json");
    private static final Path EXAMPLES = Path.of("../examples");
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final String MINIMAL = """
            name: minimal
            horizon: {start: 2025-01-01, end: 2026}
            sites:
              - name: columbus
                grid: US-OH
                capacity: "100 MW"
            """;

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = REGISTRY.getSchema(in);
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
        assertThat(validate(Files.readString(example))).isEmpty();
    }

    @Test
    void schema_againstDraft202012MetaSchema_isValid() throws IOException {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(Files.readString(SCHEMA), InputFormat.JSON)).isEmpty();
    }

    @Test
    void validate_minimalScenario_hasNoErrors() {
        assertThat(validate(MINIMAL)).isEmpty();
    }

    @Test
    void validate_unknownTopLevelKey_isRejected() {
        List<Error> errors = validate(MINIMAL + "trainng: []\n");

        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(m -> assertThat(m.getMessage()).contains("trainng"));
    }

    @Test
    void validate_misspeltSiteKey_isRejected() {
        List<Error> errors = validate(MINIMAL + "    coolng: liquid\n");

        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(m -> assertThat(m.getMessage()).contains("coolng"));
    }

    @Test
    void validate_powerWithoutUnit_isRejected() {
        assertThat(validate(MINIMAL.replace("\"100 MW\"", "100"))).isNotEmpty();
    }

    @Test
    void validate_powerWithEnergyUnit_isRejected() {
        assertThat(validate(MINIMAL.replace("100 MW", "100 MWh"))).isNotEmpty();
    }

    @Test
    void validate_horizonWithEndAndDuration_isRejected() {
        String both = MINIMAL.replace("end: 2026}", "end: 2026, duration: \"1 year\"}");

        assertThat(validate(both)).isNotEmpty();
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

        assertThat(validate(scenario)).isEmpty();
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

        assertThat(validate(scenario)).isNotEmpty();
    }

    private static List<Error> validate(String yaml) {
        return schema.validate(yaml, InputFormat.YAML);
    }
}
