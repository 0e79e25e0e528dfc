package dev.gigawatt.units;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where quantity strings are read and units converted.
 *
 * <p>Scenario and catalog files carry units as strings ({@code "700 W"}, {@code "2 GW"}, {@code
 * "$25,000"}, {@code "30 days"}); inside gigawatt every value is a {@code double} in the base unit of
 * its {@link Dimension}, with the unit in the variable name.
 */
public final class Units {
    /** Hours in a (non-leap) year, the convention for annual energy and cost figures. */
    public static final double HOURS_PER_YEAR = 8760.0;

    public static final double SECONDS_PER_HOUR = 3600.0;
    public static final double SECONDS_PER_DAY = 86400.0;
    public static final double SECONDS_PER_YEAR = HOURS_PER_YEAR * SECONDS_PER_HOUR;
    public static final double WATTS_PER_MEGAWATT = 1e6;
    public static final double WATT_HOURS_PER_MEGAWATT_HOUR = 1e6;
    public static final double KG_PER_TONNE = 1e3;
    public static final double LITRES_PER_CUBIC_METRE = 1e3;

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern COUNT_SUFFIX = Pattern.compile("(?i)(k|m|b|g|t)?");

    private Units() {}

    /**
     * Reads a quantity such as {@code "3.35 TB/s"} and returns it in the base unit of {@code dimension}.
     *
     * @throws UnitException if the text has no number, no unit, a unit of another dimension, or is not finite
     */
    public static double parse(String text, Dimension dimension) {
        String trimmed = text.strip();
        String moneyPrefix = "";
        if (trimmed.startsWith("$")) {
            moneyPrefix = "$";
            trimmed = trimmed.substring(1).strip();
        }
        Matcher number = NUMBER.matcher(trimmed);
        if (!number.lookingAt() || number.end() == 0 || !Character.isDigit(lastChar(number.group()))) {
            throw new UnitException("expected " + example(dimension) + ", got \"" + text + "\"");
        }
        double value = Double.parseDouble(number.group().replace(",", ""));
        String unit =
                moneyPrefix + normaliseUnit(trimmed.substring(number.end()).strip());
        if (unit.isEmpty()) {
            throw new UnitException("needs a unit: expected " + example(dimension) + ", got \"" + text + "\"");
        }
        Double factor = dimension.factor(unit);
        if (factor == null) {
            throw new UnitException("unknown " + dimension.description() + " unit \"" + unit + "\" in \"" + text
                    + "\"; use one of " + String.join(", ", dimension.units()));
        }
        double result = value * factor;
        if (!Double.isFinite(result)) {
            throw new UnitException("is not a finite number: \"" + text + "\"");
        }
        return result;
    }

    /** Reads a fraction given as a percentage ({@code "41%"}) or as a plain number between 0 and 1. */
    public static double fraction(String text) {
        String trimmed = text.strip();
        if (trimmed.endsWith("%")) {
            return finite(
                    number(trimmed.substring(0, trimmed.length() - 1).strip(), text, "a percentage such as \"41%\"")
                            / 100.0,
                    text);
        }
        double value = finite(number(trimmed, text, "a fraction such as 0.41 or \"41%\""), text);
        if (Math.abs(value) > 1) {
            throw new UnitException("a bare number is read as a fraction (" + trimmed + " = " + (value * 100)
                    + "%); write a percentage with its sign, such as \"" + trimmed + "%\", or a fraction such as 0.08");
        }
        return value;
    }

    /**
     * Reads a dimensionless count, allowing thousands separators and the suffixes k, M, B (or G) and T:
     * {@code "15.6T"} is 1.56e13, {@code "1,000,000"} is 1e6.
     */
    public static double count(String text) {
        String trimmed = text.strip().replace("_", "");
        Matcher number = NUMBER.matcher(trimmed);
        if (!number.lookingAt() || number.end() == 0 || !Character.isDigit(lastChar(number.group()))) {
            throw new UnitException("expected a number such as 15.6e12 or \"15.6T\", got \"" + text + "\"");
        }
        String suffix = trimmed.substring(number.end()).strip();
        if (!COUNT_SUFFIX.matcher(suffix).matches()) {
            throw new UnitException("unknown suffix \"" + suffix + "\" in \"" + text + "\"; use k, M, B or T");
        }
        double multiplier =
                switch (suffix.toLowerCase(Locale.ROOT)) {
                    case "k" -> 1e3;
                    case "m" -> 1e6;
                    case "b", "g" -> 1e9;
                    case "t" -> 1e12;
                    default -> 1;
                };
        return finite(Double.parseDouble(number.group().replace(",", "")) * multiplier, text);
    }

    /** Converts watts to megawatts. */
    public static double megawatts(double powerWatts) {
        return powerWatts / WATTS_PER_MEGAWATT;
    }

    /** Converts watt-hours to megawatt-hours. */
    public static double megawattHours(double energyWh) {
        return energyWh / WATT_HOURS_PER_MEGAWATT_HOUR;
    }

    /** Converts kilograms to tonnes. */
    public static double tonnes(double massKg) {
        return massKg / KG_PER_TONNE;
    }

    /** Converts litres to cubic metres. */
    public static double cubicMetres(double volumeLitres) {
        return volumeLitres / LITRES_PER_CUBIC_METRE;
    }

    /** Converts seconds to hours. */
    public static double hours(double durationSeconds) {
        return durationSeconds / SECONDS_PER_HOUR;
    }

    /** Converts seconds to days. */
    public static double days(double durationSeconds) {
        return durationSeconds / SECONDS_PER_DAY;
    }

    /** Mass of CO2e in kg from energy in Wh at an intensity in gCO2e per kWh (numerically g/Wh · 1e-3 kg/g). */
    public static double co2eKg(double energyWh, double intensityGramsPerKwh) {
        return energyWh / 1e3 * intensityGramsPerKwh / 1e3;
    }

    /** Mass of CO2e in tonnes from energy in MWh at an intensity in gCO2e per kWh (kg per MWh · 1e-3 t/kg). */
    public static double co2eTonnesFromMwh(double energyMwh, double intensityGramsPerKwh) {
        return energyMwh * intensityGramsPerKwh / KG_PER_TONNE;
    }

    /** Water volume in litres from energy in Wh at an intensity in litres per kWh. */
    public static double waterLitres(double energyWh, double intensityLitresPerKwh) {
        return energyWh / 1e3 * intensityLitresPerKwh;
    }

    /** Water volume in m³ from energy in MWh at an intensity in litres per kWh (kL per MWh). */
    public static double waterCubicMetresFromMwh(double energyMwh, double intensityLitresPerKwh) {
        return energyMwh * 1e3 * intensityLitresPerKwh / LITRES_PER_CUBIC_METRE;
    }

    /** Cost in USD of energy in Wh at a price in USD per MWh. */
    public static double energyCostUsd(double energyWh, double priceUsdPerMwh) {
        return megawattHours(energyWh) * priceUsdPerMwh;
    }

    private static String normaliseUnit(String unit) {
        String u =
                unit.replace("CO2e", "").replace("CO2", "").replace("co2e", "").replace(" ", "");
        return u.replace("m³", "m3");
    }

    private static double number(String numberText, String original, String expected) {
        Matcher number = NUMBER.matcher(numberText);
        if (!number.matches() || numberText.isEmpty() || !Character.isDigit(lastChar(numberText))) {
            throw new UnitException("expected " + expected + ", got \"" + original + "\"");
        }
        return Double.parseDouble(numberText.replace(",", ""));
    }

    private static double finite(double value, String text) {
        if (!Double.isFinite(value)) {
            throw new UnitException("is not a finite number: \"" + text + "\"");
        }
        return value;
    }

    private static char lastChar(String s) {
        return s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
    }

    private static String example(Dimension dimension) {
        return "a " + dimension.description() + " such as \"" + dimension.example() + "\" (units: "
                + String.join(", ", dimension.units()) + ")";
    }
}
