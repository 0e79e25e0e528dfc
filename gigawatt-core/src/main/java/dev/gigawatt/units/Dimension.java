package dev.gigawatt.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A physical or economic dimension that a quantity string in a scenario or catalog can have, with
 * the units it accepts and each unit's factor to the base unit used inside gigawatt.
 *
 * <p>Base units: watt, watt-hour, byte, byte per second, floating-point operation per second,
 * second, US dollar, kilogram of CO2e, gram CO2e per kWh, litre per kWh, litre, US dollar per MWh,
 * US dollar per watt. Energy is kept in watt-hours because every public figure gigawatt is
 * compared with is quoted in (k/M/G)Wh.
 */
public enum Dimension {
    POWER("power", "700 W", "W=1 kW=1e3 MW=1e6 GW=1e9 TW=1e12"),
    ENERGY("energy", "1.5 MWh", "Wh=1 kWh=1e3 MWh=1e6 GWh=1e9 TWh=1e12 J=2.777777777777778e-4"),
    BYTES(
            "data size",
            "80 GB",
            "B=1 KB=1e3 MB=1e6 GB=1e9 TB=1e12 PB=1e15 KiB=1024 MiB=1048576 GiB=1073741824 TiB=1099511627776"
                    + " PiB=1125899906842624"),
    BANDWIDTH("bandwidth", "3.35 TB/s", "B/s=1 KB/s=1e3 MB/s=1e6 GB/s=1e9 TB/s=1e12 PB/s=1e15 GiB/s=1073741824"),
    COMPUTE(
            "compute throughput",
            "989 TFLOPS",
            "FLOPS=1 GFLOPS=1e9 TFLOPS=1e12 PFLOPS=1e15 EFLOPS=1e18 TOPS=1e12 POPS=1e15"),
    DURATION(
            "duration",
            "30 days",
            "s=1 sec=1 seconds=1 us=1e-6 µs=1e-6 ms=1e-3 min=60 minutes=60 h=3600 hours=3600 day=86400 days=86400"
                    + " week=604800 weeks=604800 year=31536000 years=31536000"),
    MONEY("amount of money", "$25,000", "$=1 $k=1e3 $M=1e6 $B=1e9"),
    MASS_CO2E("CO2e mass", "1,500 kg", "kg=1 g=1e-3 t=1e3 kt=1e6 Mt=1e9"),
    CARBON_INTENSITY("carbon intensity", "400 g/kWh", "g/kWh=1 kg/MWh=1 t/MWh=1e3 kg/kWh=1e3"),
    WATER_INTENSITY("water intensity", "1.8 L/kWh", "L/kWh=1 L/MWh=1e-3 m3/MWh=1"),
    VOLUME("volume", "1,000 m3", "L=1 m3=1e3 ML=1e6"),
    ENERGY_PRICE("energy price", "$80/MWh", "$/MWh=1 $/kWh=1e3"),
    POWER_PRICE("price per power", "$11M/MW", "$/W=1 $/kW=1e-3 $/MW=1e-6 $/GW=1e-9 $M/MW=1 $k/kW=1 $B/GW=1");

    private final String description;
    private final String example;

    @SuppressWarnings("ImmutableEnumChecker") // filled once by the constructor, only read after
    private final Map<String, Double> factors = new LinkedHashMap<>();

    /**
     * @param description human name, e.g. "power"
     * @param example a typical value as a user writes it, for messages
     * @param units space-separated {@code symbol=factor} pairs; the first symbol is the base unit
     */
    Dimension(String description, String example, String units) {
        this.description = description;
        this.example = example;
        for (String pair : units.split(" ")) {
            int eq = pair.lastIndexOf('=');
            factors.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
        }
    }

    /** Human name of the dimension, e.g. "power". */
    public String description() {
        return description;
    }

    /** The unit values of this dimension are stored in inside gigawatt. */
    public String baseUnit() {
        return factors.keySet().iterator().next();
    }

    /** A typical value as a user would write it, for messages: {@code "30 days"}. */
    public String example() {
        return example;
    }

    /** Writes {@code number} with the unit of {@link #example()}: {@code "365"} becomes {@code "365 days"}. */
    public String withExampleUnit(String number) {
        if (example.startsWith("$")) {
            return "$" + number + example.replaceFirst("^\\$[0-9.,]+", "");
        }
        return number + " " + example.replaceFirst("^[0-9.,]+\\s*", "");
    }

    /** Factor that converts one {@code unit} into the base unit, or null if the unit is not accepted. */
    Double factor(String unit) {
        return factors.get(unit);
    }

    /** The accepted unit symbols, in display order. */
    public List<String> units() {
        return List.copyOf(factors.keySet());
    }
}
