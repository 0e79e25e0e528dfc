package dev.gigawatt.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A physical or economic dimension that a quantity string in a scenario or catalog can have, with
 * the units it accepts and each unit's factor to the SI (or base) unit used inside gigawatt.
 *
 * <p>Base units: watt, watt-hour, byte, byte per second, floating-point operation per second,
 * second, US dollar, kilogram of CO2e, gram CO2e per kWh, litre per kWh, litre, US dollar per MWh,
 * US dollar per watt. Energy is kept in watt-hours because every public figure gigawatt is
 * compared with is quoted in (k/M/G)Wh.
 */
public enum Dimension {
    POWER("power", "W", units("W", 1, "kW", 1e3, "MW", 1e6, "GW", 1e9, "TW", 1e12)),
    ENERGY("energy", "Wh", units("Wh", 1, "kWh", 1e3, "MWh", 1e6, "GWh", 1e9, "TWh", 1e12, "J", 1 / 3600.0)),
    BYTES(
            "data size",
            "B",
            units(
                    "B", 1, "KB", 1e3, "MB", 1e6, "GB", 1e9, "TB", 1e12, "PB", 1e15, "KiB", 0x1p10, "MiB", 0x1p20,
                    "GiB", 0x1p30, "TiB", 0x1p40, "PiB", 0x1p50)),
    BANDWIDTH(
            "bandwidth",
            "B/s",
            units("B/s", 1, "KB/s", 1e3, "MB/s", 1e6, "GB/s", 1e9, "TB/s", 1e12, "PB/s", 1e15, "GiB/s", 0x1p30)),
    COMPUTE(
            "compute throughput",
            "FLOPS",
            units(
                    "FLOPS", 1, "GFLOPS", 1e9, "TFLOPS", 1e12, "PFLOPS", 1e15, "EFLOPS", 1e18, "TOPS", 1e12, "POPS",
                    1e15)),
    DURATION(
            "duration",
            "s",
            units(
                    "us",
                    1e-6,
                    "µs",
                    1e-6,
                    "ms",
                    1e-3,
                    "s",
                    1,
                    "sec",
                    1,
                    "seconds",
                    1,
                    "min",
                    60,
                    "minutes",
                    60,
                    "h",
                    3600,
                    "hours",
                    3600,
                    "day",
                    86400,
                    "days",
                    86400,
                    "week",
                    604800,
                    "weeks",
                    604800,
                    "year",
                    365 * 86400.0,
                    "years",
                    365 * 86400.0)),
    MONEY("money", "$", units("$", 1, "$k", 1e3, "$M", 1e6, "$B", 1e9)),
    MASS_CO2E("CO2e mass", "kg", units("g", 1e-3, "kg", 1, "t", 1e3, "kt", 1e6, "Mt", 1e9)),
    CARBON_INTENSITY("carbon intensity", "g/kWh", units("g/kWh", 1, "kg/MWh", 1, "t/MWh", 1e3, "kg/kWh", 1e3)),
    WATER_INTENSITY("water intensity", "L/kWh", units("L/kWh", 1, "L/MWh", 1e-3, "m3/MWh", 1)),
    VOLUME("volume", "L", units("L", 1, "m3", 1e3, "ML", 1e6)),
    ENERGY_PRICE("energy price", "$/MWh", units("$/MWh", 1, "$/kWh", 1e3)),
    POWER_PRICE(
            "price per power",
            "$/W",
            units("$/W", 1, "$/kW", 1e-3, "$/MW", 1e-6, "$/GW", 1e-9, "$M/MW", 1, "$k/kW", 1, "$B/GW", 1));

    private final String description;
    private final String baseUnit;
    private final Map<String, Double> factors;

    Dimension(String description, String baseUnit, Map<String, Double> factors) {
        this.description = description;
        this.baseUnit = baseUnit;
        this.factors = factors;
    }

    /** Human name of the dimension, e.g. "power". */
    public String description() {
        return description;
    }

    /** The unit values of this dimension are stored in inside gigawatt. */
    public String baseUnit() {
        return baseUnit;
    }

    /** Factor that converts one {@code unit} into the base unit, or null if the unit is not accepted. */
    Double factor(String unit) {
        return factors.get(unit);
    }

    /** The accepted unit symbols, in display order. */
    public List<String> units() {
        return List.copyOf(factors.keySet());
    }

    private static Map<String, Double> units(Object... symbolFactorPairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < symbolFactorPairs.length; i += 2) {
            map.put((String) symbolFactorPairs[i], ((Number) symbolFactorPairs[i + 1]).doubleValue());
        }
        return map;
    }
}
