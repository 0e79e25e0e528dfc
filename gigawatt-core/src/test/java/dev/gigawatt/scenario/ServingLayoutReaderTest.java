package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.model.Parallelism;
import org.junit.jupiter.api.Test;

/** A service's fixed layout takes the names training layouts use, or their short forms. */
class ServingLayoutReaderTest {
    private static final String HEAD = """
            name: s
            horizon: {start: 2025-01-01, end: 2026-01-01}
            sites:
              - {name: a, grid: US-OH, capacity: "100 MW"}
            inference:
              - name: chat
                model: llama-3.1-70b
                users: "1M"
                requestsPerUserPerDay: 5
                inputTokens: 1000
                outputTokens: 200
                slo: {ttft: "2 s", tpot: "60 ms"}
                accelerator: H100-SXM
            """;

    private static Parallelism layout(String parallelism) {
        return ScenarioReader.parse(HEAD + "    parallelism: " + parallelism + "\n", "s.yaml", Catalog.builtIn())
                .inference()
                .get(0)
                .parallelism();
    }

    @Test
    void parse_tensorAndPipeline_meanTheSameAsTpAndPp() {
        assertThat(layout("{tensor: 4, pipeline: 2}")).isEqualTo(layout("{tp: 4, pp: 2}"));
        assertThat(layout("{tensor: 4}").tensor()).isEqualTo(4);
    }

    @Test
    void parse_bothNamesForOneDegree_isBadInputWithThePath() {
        assertThatThrownBy(() -> layout("{tensor: 4, tp: 4}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("inference[0].parallelism.tp")
                .hasMessageContaining("'tp' and 'tensor' say the same thing; give one");
    }

    @Test
    void parse_prefillAndDecode_isADisaggregatedUnit() {
        Parallelism p = layout("{prefill: {tensor: 2, instances: 3}, decode: {tp: 8}}");
        assertThat(p).isEqualTo(Parallelism.disaggregated(2, 3, 8, 1, 1));
        assertThat(p.accelerators()).isEqualTo(14);
        assertThat(p).hasToString("3xTP2 prefill + 1xTP8 decode");
    }

    @Test
    void parse_prefillWithoutDecode_isBadInputWithThePath() {
        assertThatThrownBy(() -> layout("{prefill: {tensor: 2}}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("inference[0].parallelism")
                .hasMessageContaining("needs both 'prefill' and 'decode'");
    }

    @Test
    void parse_prefillTensorNotDividingHeads_isBadInputNamingThePart() {
        assertThatThrownBy(() -> layout("{prefill: {tensor: 3}, decode: {tensor: 8}}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("inference[0].parallelism")
                .hasMessageContaining("prefill: TP3 does not divide the 64 attention heads");
    }

    @Test
    void parse_unknownKeyInDecode_isBadInputWithAHint() {
        assertThatThrownBy(() -> layout("{prefill: {tensor: 2}, decode: {tensor: 8, instnaces: 2}}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("inference[0].parallelism.decode.instnaces")
                .hasMessageContaining("did you mean 'instances'");
    }

    @Test
    void parse_cachedInputShare_isReadAndBounded() {
        String head = HEAD.replace("    outputTokens: 200\n", "    outputTokens: 200\n    cachedInputShare: %s\n");
        assertThat(ScenarioReader.parse(head.formatted("40%"), "s.yaml", Catalog.builtIn())
                        .inference()
                        .get(0)
                        .cachedInputShare())
                .isEqualTo(0.4);
        assertThatThrownBy(() -> ScenarioReader.parse(head.formatted("\"100%\""), "s.yaml", Catalog.builtIn()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("inference[0].cachedInputShare: must be between 0% and 99%");
    }
}
