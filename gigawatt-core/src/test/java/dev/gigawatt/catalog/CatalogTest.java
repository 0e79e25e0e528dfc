package dev.gigawatt.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog is immutable: a builder makes one, and extending one makes a new catalog. */
class CatalogTest {
    private static final Catalog BUILT_IN = Catalog.builtIn();
    private static final Accelerator H100 =
            BUILT_IN.accelerators().find("H100-SXM").orElseThrow();
    private static final Accelerator B200 = BUILT_IN.accelerators().find("B200").orElseThrow();

    private static final String SCENARIO = """
            name: t
            horizon: {start: 2025-01-01, end: 2026-01-01}
            sites:
              - {name: a, grid: %s, capacity: "100 MW"}
            %s""";

    private static final String GRID = """
            catalog:
              grids:
                - name: G
                  carbonIntensity: "400 g/kWh"
                  waterIntensity: "1 L/kWh"
                  electricityPrice: "$80/MWh"
                  source: test
            """;

    @Test
    void builder_twoEntries_buildsACatalogOfJustThoseFoundByNameIgnoringCase() {
        Catalog small = Catalog.builder().accelerator(H100).accelerator(B200).build();

        assertThat(small.accelerators().all()).containsExactly(H100, B200);
        assertThat(small.accelerators().find("h100-sxm")).containsSame(H100);
        assertThat(small.models().all()).isEmpty();
        assertThat(small.reliability()).isNull();
    }

    @Test
    void builder_entryWithANamePresent_replacesTheEarlierOneInPlaceOfIt() {
        Accelerator renamed = BUILT_IN.accelerators().find("H200").orElseThrow();
        Accelerator h100Again = new Accelerator(
                "h100-SXM",
                renamed.aliases(),
                renamed.vendor(),
                renamed.kind(),
                renamed.year(),
                renamed.peakFlops(),
                renamed.memoryBytes(),
                renamed.memoryBandwidthBytesPerSecond(),
                renamed.tdpWatts(),
                renamed.idlePowerWatts(),
                renamed.interconnectName(),
                renamed.interconnectBandwidthBytesPerSecond(),
                renamed.serverName(),
                renamed.priceUsd(),
                renamed.embodiedCo2eKgLow(),
                renamed.embodiedCo2eKgHigh(),
                renamed.provenance());

        Catalog c = Catalog.builder()
                .accelerator(H100)
                .accelerator(B200)
                .accelerator(h100Again)
                .build();

        assertThat(c.accelerators().all()).containsExactly(B200, h100Again);
        assertThat(c.accelerators().find("H100-SXM")).containsSame(h100Again);
    }

    @Test
    void toBuilder_addingAnEntry_makesANewCatalogAndLeavesTheOriginalAsItWas() {
        Catalog original = Catalog.builder().accelerator(H100).build();

        Catalog extended = original.toBuilder().accelerator(B200).build();

        assertThat(extended.accelerators().all()).containsExactly(H100, B200);
        assertThat(original.accelerators().all()).containsExactly(H100);
        assertThat(original.accelerators().find("B200")).isEmpty();
    }

    @Test
    void read_scenarioDefiningAGrid_getsANewCatalogAndTheBuiltInOneStaysAsItWas() {
        int grids = BUILT_IN.grids().all().size();

        Scenario custom = ScenarioReader.parse(SCENARIO.formatted("G", GRID), "t.yaml", BUILT_IN);
        Scenario plain = ScenarioReader.parse(SCENARIO.formatted("US-OH", ""), "t.yaml", BUILT_IN);

        assertThat(custom.catalog().grids().find("G")).isPresent();
        assertThat(custom.catalog().grids().all()).hasSize(grids + 1);
        assertThat(BUILT_IN.grids().find("G")).isEmpty();
        assertThat(BUILT_IN.grids().all()).hasSize(grids);
        assertThat(plain.catalog()).isSameAs(BUILT_IN);
    }

    @Test
    void sectionAll_cannotBeChanged() {
        assertThatThrownBy(() -> BUILT_IN.accelerators().all().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void catalogAndSection_haveOnlyFinalFieldsAndNoPublicMethodThatReturnsNothing() {
        for (Class<?> type : new Class<?>[] {Catalog.class, Section.class}) {
            assertThat(Arrays.stream(type.getDeclaredFields()))
                    .as(type.getSimpleName() + " fields")
                    .allMatch(f -> Modifier.isFinal(f.getModifiers()), "final");
            assertThat(Stream.of(type.getMethods()).filter(m -> m.getDeclaringClass() == type))
                    .as(type.getSimpleName() + " methods")
                    .noneMatch(m -> m.getReturnType() == void.class, "returns void")
                    .extracting(Method::getName)
                    .doesNotContain("put", "putAll", "copy");
        }
        assertThat(Arrays.stream(Catalog.class.getDeclaredFields()).map(Field::getType))
                .allMatch(t -> t == Section.class || t == ReliabilityData.class || t.isArray());
    }
}
