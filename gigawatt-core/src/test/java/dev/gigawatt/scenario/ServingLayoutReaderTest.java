package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
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
}
