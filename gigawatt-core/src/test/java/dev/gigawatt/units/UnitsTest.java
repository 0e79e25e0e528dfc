package dev.gigawatt.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {
    private static final String POWER_UNITS = "W, kW, MW, GW, TW";

    /** One quantity per dimension (and then some), with its value in the dimension's base unit worked out by hand. */
    static Stream<Arguments> quantities() {
        return Stream.of(
                Arguments.of("700 W", Dimension.POWER, 700.0),
                Arguments.of("2 GW", Dimension.POWER, 2e9),
                Arguments.of("100MW", Dimension.POWER, 1e8),
                Arguments.of("1.5 MWh", Dimension.ENERGY, 1.5e6),
                Arguments.of("3600 J", Dimension.ENERGY, 1.0),
                Arguments.of("80 GiB", Dimension.BYTES, 80.0 * 1024 * 1024 * 1024),
                Arguments.of("80 GB", Dimension.BYTES, 80e9),
                Arguments.of("3.35 TB/s", Dimension.BANDWIDTH, 3.35e12),
                Arguments.of("989 TFLOPS", Dimension.COMPUTE, 989e12),
                Arguments.of("30 days", Dimension.DURATION, 30 * 86_400.0),
                Arguments.of("50 ms", Dimension.DURATION, 0.05),
                Arguments.of("1 year", Dimension.DURATION, 365 * 86_400.0),
                Arguments.of("$25,000", Dimension.MONEY, 25_000.0),
                Arguments.of("$2.5k", Dimension.MONEY, 2_500.0),
                Arguments.of("$3M", Dimension.MONEY, 3e6),
                Arguments.of("1,500 kg", Dimension.MASS_CO2E, 1_500.0),
                Arguments.of("2 tCO2e", Dimension.MASS_CO2E, 2_000.0),
                Arguments.of("400 gCO2e/kWh", Dimension.CARBON_INTENSITY, 400.0),
                Arguments.of("0.4 t/MWh", Dimension.CARBON_INTENSITY, 400.0),
                Arguments.of("0.3 L/kWh", Dimension.WATER_INTENSITY, 0.3),
                Arguments.of("2 m³", Dimension.VOLUME, 2_000.0),
                Arguments.of("$60/MWh", Dimension.ENERGY_PRICE, 60.0),
                Arguments.of("$0.05/kWh", Dimension.ENERGY_PRICE, 50.0),
                Arguments.of("$11M/MW", Dimension.POWER_PRICE, 11.0),
                Arguments.of("$11,000/kW", Dimension.POWER_PRICE, 11.0),
                Arguments.of("  -5 MW  ", Dimension.POWER, -5e6));
    }

    @ParameterizedTest(name = "{0} as {1} = {2}")
    @MethodSource("quantities")
    void parse_quantityWithUnit_returnsValueInBaseUnit(String text, Dimension dimension, double expected) {
        assertThat(Units.parse(text, dimension)).isCloseTo(expected, offset(Math.abs(expected) * 1e-12));
    }

    @Test
    void parse_everyDimension_acceptsItsBaseUnitWithFactorOne() {
        for (Dimension dimension : Dimension.values()) {
            String text = dimension.baseUnit().startsWith("$")
                    ? "$7" + dimension.baseUnit().substring(1)
                    : "7 " + dimension.baseUnit();
            assertThat(Units.parse(text, dimension)).as(text).isEqualTo(7.0);
        }
    }

    @Test
    void parse_bareNumber_saysItNeedsAUnitAndListsUnits() {
        assertThatThrownBy(() -> Units.parse("700", Dimension.POWER))
                .isInstanceOf(UnitException.class)
                .hasMessage(
                        "needs a unit: expected a power such as \"700 W\" (units: " + POWER_UNITS + "), got \"700\"");
    }

    @Test
    void parse_bareNumberDurationOrMoney_suggestsAPlausibleExample() {
        assertThatThrownBy(() -> Units.parse("30", Dimension.DURATION))
                .isInstanceOf(UnitException.class)
                .hasMessageNotContaining("µs\"");
        assertThatThrownBy(() -> Units.parse("25000", Dimension.MONEY))
                .isInstanceOf(UnitException.class)
                .hasMessageContaining("\"$25,000\"")
                .hasMessageNotContaining("a money");
    }

    @Test
    void parse_unitOfAnotherDimension_namesTheUnitAndListsAllowedUnits() {
        assertThatThrownBy(() -> Units.parse("700 GB", Dimension.POWER))
                .isInstanceOf(UnitException.class)
                .hasMessage("unknown power unit \"GB\" in \"700 GB\"; use one of " + POWER_UNITS);
    }

    @Test
    void parse_wrongCaseUnit_isRejectedNotGuessed() {
        // "mw" could mean milliwatts or megawatts: never silently correct input.
        assertThatThrownBy(() -> Units.parse("5 mw", Dimension.POWER))
                .isInstanceOf(UnitException.class)
                .hasMessage("unknown power unit \"mw\" in \"5 mw\"; use one of " + POWER_UNITS);
    }

    @Test
    void parse_overflowingNumber_isNotFinite() {
        assertThatThrownBy(() -> Units.parse("1e400 W", Dimension.POWER))
                .isInstanceOf(UnitException.class)
                .hasMessage("is not a finite number: \"1e400 W\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "NaN W", "Infinity W", "W", "", "-"})
    void parse_noNumber_saysWhatWasExpected(String text) {
        assertThatThrownBy(() -> Units.parse(text, Dimension.POWER))
                .isInstanceOf(UnitException.class)
                .hasMessage("expected a power such as \"700 W\" (units: " + POWER_UNITS + "), got \"" + text + "\"");
    }

    @Test
    void parse_badThousandsSeparator_isRejected() {
        assertThatThrownBy(() -> Units.parse("1,5 MW", Dimension.POWER))
                .isInstanceOf(UnitException.class)
                .hasMessageStartingWith("unknown power unit \",5MW\" in \"1,5 MW\"");
    }

    @Test
    void fraction_bareNumberAboveOne_asksForAPercentSign() {
        assertThatThrownBy(() -> Units.fraction("8"))
                .isInstanceOf(UnitException.class)
                .hasMessageContaining("write a percentage with its sign, such as \"8%\"");
    }

    @Test
    void parse_exponentWithoutMantissa_isAProblemNotACrash() {
        assertThatThrownBy(() -> Units.parse("e5 W", Dimension.POWER)).isInstanceOf(UnitException.class);
        assertThatThrownBy(() -> Units.count("e3")).isInstanceOf(UnitException.class);
    }

    @Test
    void count_underscoreSeparators_likeYamlIntegers() {
        assertThat(Units.count("1_000_000")).isEqualTo(1e6);
    }

    @ParameterizedTest
    @CsvSource({"41%, 0.41", "'41 %', 0.41", "0.41, 0.41", "100%, 1.0", "0%, 0.0", "-5%, -0.05", "1, 1.0"})
    void fraction_percentOrPlainNumber_returnsShare(String text, double expected) {
        assertThat(Units.fraction(text)).isCloseTo(expected, offset(1e-15));
    }

    @Test
    void fraction_notANumber_saysFractionOrPercentage() {
        assertThatThrownBy(() -> Units.fraction("abc"))
                .isInstanceOf(UnitException.class)
                .hasMessage("expected a fraction such as 0.41 or \"41%\", got \"abc\"");
    }

    @Test
    void fraction_percentWithoutNumber_saysPercentage() {
        assertThatThrownBy(() -> Units.fraction("x%"))
                .isInstanceOf(UnitException.class)
                .hasMessage("expected a percentage such as \"41%\", got \"x%\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "%", "Infinity"})
    void fraction_nanOrEmptyPercent_isRejected(String text) {
        assertThatThrownBy(() -> Units.fraction(text)).isInstanceOf(UnitException.class);
    }

    @Test
    void fraction_overflow_isNotFinite() {
        assertThatThrownBy(() -> Units.fraction("1e400"))
                .isInstanceOf(UnitException.class)
                .hasMessage("is not a finite number: \"1e400\"");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "15.6T, 15.6e12",
        "'15.6 T', 15.6e12",
        "1B, 1e9",
        "2G, 2e9",
        "5M, 5e6",
        "300k, 3e5",
        "'1,000,000', 1e6",
        "1e3, 1000",
        "42, 42"
    })
    void count_suffixesAndSeparators_returnPlainNumber(String text, double expected) {
        assertThat(Units.count(text)).isCloseTo(expected, offset(expected * 1e-12));
    }

    @Test
    void count_unknownSuffix_namesSuffixAndAllowedOnes() {
        assertThatThrownBy(() -> Units.count("10x"))
                .isInstanceOf(UnitException.class)
                .hasMessage("unknown suffix \"x\" in \"10x\"; use k, M, B or T");
    }

    @Test
    void count_physicalUnit_isAnUnknownSuffix() {
        assertThatThrownBy(() -> Units.count("10 MW"))
                .isInstanceOf(UnitException.class)
                .hasMessage("unknown suffix \"MW\" in \"10 MW\"; use k, M, B or T");
    }

    @Test
    void count_noNumber_saysWhatWasExpected() {
        assertThatThrownBy(() -> Units.count("many"))
                .isInstanceOf(UnitException.class)
                .hasMessage("expected a number such as 15.6e12 or \"15.6T\", got \"many\"");
    }

    @Test
    void count_overflow_isNotFinite() {
        assertThatThrownBy(() -> Units.count("1e400"))
                .isInstanceOf(UnitException.class)
                .hasMessage("is not a finite number: \"1e400\"");
    }

    @Test
    void conversions_handComputedOracles() {
        // 1 MWh at 400 g/kWh = 1,000 kWh x 400 g = 400 kg; at $60/MWh = $60; at 0.3 L/kWh = 300 L.
        assertThat(Units.co2eKg(1e6, 400)).isCloseTo(400.0, offset(1e-9));
        assertThat(Units.energyCostUsd(1e6, 60)).isCloseTo(60.0, offset(1e-9));
        assertThat(Units.waterLitres(1e6, 0.3)).isCloseTo(300.0, offset(1e-9));
        assertThat(Units.megawatts(2e9)).isEqualTo(2_000.0);
        assertThat(Units.days(2_592_000)).isEqualTo(30.0);
        assertThat(Units.hours(7_200)).isEqualTo(2.0);
        assertThat(Units.tonnes(1_500)).isEqualTo(1.5);
        assertThat(Units.cubicMetres(2_000)).isEqualTo(2.0);
    }
}
