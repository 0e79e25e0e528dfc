package dev.gigawatt.catalog;

import dev.gigawatt.input.Bound;
import dev.gigawatt.input.Limits;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.units.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads catalog YAML (built-in resources, user catalog files, a scenario's {@code catalog:} section). */
public final class CatalogReader {
    private static final List<String> KINDS = List.of("gpu", "tpu", "asic");
    private static final List<String> ARCHITECTURES = List.of("dense", "moe");
    private static final List<String> PRICE_COVERS = List.of("accelerator", "server");
    private static final List<String> COMPONENTS = List.of("accelerator", "host", "network", "software");

    private CatalogReader() {}

    /** Reads a whole catalog document into {@code into}; throws with every problem found. */
    public static void read(YamlNode root, Catalog.Builder into) {
        YamlMap map = root.asMap();
        if (map != null) {
            readSections(map, into);
        }
        root.problems().throwIfAny();
    }

    /** Reads the catalog sections of {@code map} into {@code into}, recording problems without throwing. */
    public static void readSections(YamlMap map, Catalog.Builder into) {
        map.list("accelerators").forEach(n -> accelerator(n).ifValid(into::accelerator));
        map.list("servers").forEach(n -> server(n).ifValid(into::server));
        map.list("models").forEach(n -> model(n).ifValid(into::model));
        map.list("grids").forEach(n -> grid(n).ifValid(into::grid));
        map.list("cooling").forEach(n -> cooling(n).ifValid(into::cooling));
        for (YamlNode n : map.list("networks")) {
            NetworkSpec network = TrainingCatalogReader.network(n);
            if (network != null) {
                into.network(network);
            }
        }
        for (YamlNode n : map.list("trainingEfficiency")) {
            TrainingEfficiency efficiency = TrainingCatalogReader.efficiency(n);
            if (efficiency != null) {
                into.trainingEfficiency(efficiency);
            }
        }
        for (YamlNode n : map.list("servingEfficiency")) {
            ServingFamily f = ServingCatalogReader.family(n);
            if (f != null) {
                into.servingFamily(f);
            }
        }
        for (YamlNode n : map.list("failureRates")) {
            FailureRateFactor f = TrainingCatalogReader.failureRate(n);
            if (f != null) {
                into.failureRate(f);
            }
        }
        YamlMap reliability = map.map("reliability");
        if (reliability != null) {
            ReliabilityData data = reliability(reliability);
            if (data != null) {
                into.reliability(data);
            }
        }
        map.finish();
    }

    private static Result<Accelerator> accelerator(YamlNode node) {
        YamlMap m = node.asMap();
        if (m == null) {
            return Result.invalid();
        }
        int before = m.problems().list().size();
        String name = m.name("name");
        List<String> aliases = m.names("aliases");
        String vendor = m.string("vendor");
        String kind = oneOf(m, "kind", KINDS);
        int year = (int) m.integer("year", Limits.MIN_CATALOG_YEAR, Limits.MAX_CATALOG_YEAR);
        Map<Precision, Double> peak = new EnumMap<>(Precision.class);
        YamlMap peakMap = m.map("peak");
        if (peakMap == null) {
            m.required("peak");
        } else {
            for (Precision p : Precision.values()) {
                double flops = peakMap.quantity(p.key(), Dimension.COMPUTE, Limits.PEAK_COMPUTE, -1);
                if (flops > 0) {
                    peak.put(p, flops);
                }
            }
            peakMap.finish();
        }
        double memory = m.quantity("memory", Dimension.BYTES, Limits.ACCELERATOR_MEMORY);
        double bandwidth = m.quantity("memoryBandwidth", Dimension.BANDWIDTH, Limits.BANDWIDTH);
        double tdp = m.quantity("tdp", Dimension.POWER, Limits.DEVICE_POWER);
        double idle = m.quantity("idlePower", Dimension.POWER, Limits.DEVICE_POWER_OR_ZERO);
        String interconnectName = "";
        double interconnectBandwidth = 0;
        YamlMap interconnect = m.map("interconnect");
        if (interconnect != null) {
            interconnectName = interconnect.string("name");
            interconnectBandwidth = interconnect.quantity("bandwidth", Dimension.BANDWIDTH, Limits.BANDWIDTH);
            interconnect.finish();
        }
        String server = m.string("server");
        double price = m.quantity("price", Dimension.MONEY, Limits.ACCELERATOR_PRICE);
        double embodiedLow = Double.NaN;
        double embodiedHigh = Double.NaN;
        YamlMap embodied = m.map("embodiedCarbon");
        if (embodied == null) {
            m.required("embodiedCarbon");
        } else {
            embodiedLow = embodied.quantity("low", Dimension.MASS_CO2E, Limits.EMBODIED_CARBON);
            embodiedHigh = embodied.quantity("high", Dimension.MASS_CO2E, Limits.EMBODIED_CARBON);
            embodied.finish();
            if (embodiedHigh < embodiedLow) {
                embodied.problem("high must be >= low");
            }
        }
        if (idle >= tdp) {
            m.problem("idlePower must be below tdp");
        }
        Provenance provenance = provenance(m);
        m.finish();
        return Result.of(
                m,
                before,
                new Accelerator(
                        name,
                        aliases,
                        vendor,
                        kind,
                        year,
                        peak,
                        memory,
                        bandwidth,
                        tdp,
                        idle,
                        interconnectName,
                        interconnectBandwidth,
                        server,
                        price,
                        embodiedLow,
                        embodiedHigh,
                        provenance));
    }

    private static Result<ServerSpec> server(YamlNode node) {
        YamlMap m = node.asMap();
        if (m == null) {
            return Result.invalid();
        }
        int before = m.problems().list().size();
        String serverName = m.name("name");
        String acceleratorName = m.string("accelerator");
        int perServer = (int) m.integer("acceleratorsPerServer", 1, Limits.MAX_PER_SERVER_OR_RACK);
        int perRack = (int) m.integer("serversPerRack", 1, Limits.MAX_PER_SERVER_OR_RACK);
        double hostPower = m.quantity("hostPower", Dimension.POWER, Limits.DEVICE_POWER_OR_ZERO);
        double hostIdle = m.quantity("hostIdlePower", Dimension.POWER, Limits.DEVICE_POWER_OR_ZERO);
        boolean priceCoversServer =
                m.has("acceleratorPriceCovers") && "server".equals(oneOf(m, "acceleratorPriceCovers", PRICE_COVERS));
        double systemPrice = m.quantity("systemPrice", Dimension.MONEY, Limits.SYSTEM_PRICE, Double.NaN);
        int failureDomain = (int) m.integer("failureDomain", 1, Limits.MAX_PER_SERVER_OR_RACK, Math.max(1, perServer));
        ServerSpec spec = new ServerSpec(
                serverName,
                acceleratorName,
                perServer,
                perRack,
                hostPower,
                hostIdle,
                priceCoversServer,
                systemPrice,
                failureDomain,
                provenance(m));
        m.finish();
        return Result.of(m, before, spec);
    }

    /** Reads a model architecture; also used for inline models in scenarios. */
    public static ModelSpec model(YamlMap m, boolean requireSource) {
        String name = m.name("name");
        List<String> aliases = m.names("aliases");
        String family = m.string("family", "");
        String architecture = m.has("architecture") ? oneOf(m, "architecture", ARCHITECTURES) : "dense";
        double parameters = m.number("parameters", Limits.PARAMETERS);
        double active = m.number("activeParameters", Limits.PARAMETERS, parameters);
        int layers = (int) m.integer("layers", 1, Limits.MAX_LAYERS);
        int hidden = (int) m.integer("hiddenSize", 1, Limits.MAX_HIDDEN_SIZE);
        int heads = (int) m.integer("heads", 1, Limits.MAX_HEADS);
        int kvHeads = (int) m.integer("kvHeads", 1, Limits.MAX_HEADS, m.has("attention") ? 1 : heads);
        int headDim = (int) m.integer("headDim", 1, Limits.MAX_HEAD_DIM, heads > 0 ? Math.max(1, hidden / heads) : 1);
        int vocabulary = (int) m.integer("vocabulary", 1, Limits.MAX_VOCABULARY, 32_000);
        int context = (int) m.integer("contextLength", 1, Limits.MAX_SEQUENCE_LENGTH, 8192);
        double trainingTokens = m.number("trainingTokens", Limits.TRAINING_TOKENS, 0);
        if (active > parameters) {
            m.problem("activeParameters must not exceed parameters");
        }
        TransformerShape shape = shape(m, active, layers, hidden, heads, kvHeads, headDim, vocabulary);
        if (shape.latentAttention() != null && kvHeads != 1) {
            m.problem("kvHeads must be 1 with latent attention (one latent serves every head), got " + kvHeads);
        }
        Provenance provenance = requireSource ? provenance(m) : optionalProvenance(m);
        m.finish();
        return new ModelSpec(
                name,
                aliases,
                family,
                architecture,
                parameters,
                active,
                layers,
                hidden,
                heads,
                kvHeads,
                headDim,
                vocabulary,
                context,
                trainingTokens,
                provenance,
                shape);
    }

    /** The MLP and expert shapes: {@code ffnHiddenSize}, {@code mlp}, {@code embeddings} and {@code experts:}. */
    private static TransformerShape shape(
            YamlMap m, double active, int layers, int hidden, int heads, int kvHeads, int headDim, int vocabulary) {
        TransformerShape derived =
                TransformerShape.derivedDense(active, layers, hidden, heads, kvHeads, headDim, vocabulary);
        int ffn = (int) m.integer("ffnHiddenSize", 1, 10_000_000, derived.ffnHiddenSize());
        boolean gated = !"plain".equals(m.has("mlp") ? oneOf(m, "mlp", List.of("gated", "plain")) : "gated");
        boolean tied = "tied".equals(m.has("embeddings") ? oneOf(m, "embeddings", List.of("tied", "untied")) : "");
        LatentAttention latent = latentAttention(m, headDim);
        YamlMap e = m.map("experts");
        if (e == null) {
            return new TransformerShape(ffn, gated, 0, 0, 0, 0, 0, tied, latent);
        }
        int routed = (int) e.integer("routed", 1, 100_000);
        int perToken = (int) e.integer("perToken", 1, 1_000);
        int expertFfn = (int) e.integer("ffnHiddenSize", 1, 10_000_000);
        int shared = (int) e.integer("shared", 0, 1_000, 0);
        int moeLayers = (int) e.integer("layers", 1, 10_000, layers);
        e.finish();
        return new TransformerShape(ffn, gated, routed, perToken, expertFfn, shared, moeLayers, tied, latent);
    }

    /**
     * {@code attention: {latent: 512, ropeHeadDim: 64, vHeadDim: 128}} for multi-head latent attention (the
     * per-head query/key width is {@code headDim}), or null when the key is absent.
     */
    private static LatentAttention latentAttention(YamlMap m, int headDim) {
        YamlMap a = m.map("attention");
        if (a == null) {
            return null;
        }
        int latent = (int) a.integer("latent", 1, Limits.MAX_HIDDEN_SIZE);
        int rope = (int) a.integer("ropeHeadDim", 0, Limits.MAX_HEAD_DIM, 0);
        int value = (int) a.integer("vHeadDim", 1, Limits.MAX_HEAD_DIM, headDim);
        a.finish();
        return new LatentAttention(latent, rope, headDim, value);
    }

    private static Result<ModelSpec> model(YamlNode node) {
        YamlMap m = node.asMap();
        if (m == null) {
            return Result.invalid();
        }
        int before = m.problems().list().size();
        return Result.of(m, before, model(m, true));
    }

    private static Result<GridRegion> grid(YamlNode node) {
        YamlMap m = node.asMap();
        if (m == null) {
            return Result.invalid();
        }
        int before = m.problems().list().size();
        Climate climate = climate(m);
        GridRegion grid = new GridRegion(
                m.name("name"),
                m.string("description", ""),
                m.quantity("carbonIntensity", Dimension.CARBON_INTENSITY, Limits.CARBON_INTENSITY),
                m.quantity("residualMixIntensity", Dimension.CARBON_INTENSITY, Limits.CARBON_INTENSITY, Double.NaN),
                m.quantity("waterIntensity", Dimension.WATER_INTENSITY, Limits.WATER_INTENSITY),
                m.quantity("electricityPrice", Dimension.ENERGY_PRICE, Limits.ENERGY_PRICE),
                m.fraction("solarShare", Bound.UNIT_INTERVAL, 0),
                m.number("latitude", Limits.LATITUDE, 35),
                m.number("utcOffset", Limits.UTC_OFFSET, 0),
                hourlyProfile(m),
                climate.monthlyMeanCelsius(),
                climate.designCelsius(),
                provenance(m));
        m.finish();
        return Result.of(m, before, grid);
    }

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** An optional typical day per month: {@code hourlyProfile: {jan: [24 factors], ..., dec: [...]}}. */
    private static List<Double> hourlyProfile(YamlMap m) {
        YamlMap profile = m.map("hourlyProfile");
        if (profile == null) {
            return List.of();
        }
        List<Double> values = new ArrayList<>();
        for (String month : MONTHS) {
            List<YamlNode> hours = profile.has(month) ? profile.list(month) : List.of();
            if (hours.size() != 24) {
                profile.problem(month + ": needs 24 hourly factors (hour 0 to 23), got " + hours.size());
                continue;
            }
            for (YamlNode h : hours) {
                values.add(h.asCount(Limits.PROFILE_FACTOR));
            }
        }
        profile.finish();
        return values.size() == 12 * 24 ? values : List.of();
    }

    /** A grid region's climate: monthly mean temperatures and the cooling design temperature, °C. */
    private record Climate(List<Double> monthlyMeanCelsius, double designCelsius) {}

    /** An optional climate: {@code climate: {monthlyMeanCelsius: [12 values], designCelsius: 35.6, source: ...}}. */
    private static Climate climate(YamlMap m) {
        YamlMap climate = m.map("climate");
        if (climate == null) {
            return new Climate(List.of(), Double.NaN);
        }
        List<YamlNode> months = climate.list("monthlyMeanCelsius");
        List<Double> values = new ArrayList<>();
        if (months.size() != 12) {
            climate.problem("monthlyMeanCelsius: needs 12 values (January to December), got " + months.size());
        }
        for (YamlNode month : months) {
            values.add(month.asCount(Limits.TEMPERATURE));
        }
        double design = climate.number("designCelsius", Limits.TEMPERATURE);
        climate.string("source");
        climate.finish();
        return new Climate(values.size() == 12 ? List.copyOf(values) : List.of(), design);
    }

    private static Result<CoolingType> cooling(YamlNode node) {
        YamlMap m = node.asMap();
        if (m == null) {
            return Result.invalid();
        }
        int before = m.problems().list().size();
        CoolingType cooling = new CoolingType(
                m.name("name"),
                m.string("description", ""),
                m.number("pue", Limits.PUE),
                m.quantity("wue", Dimension.WATER_INTENSITY, Limits.WATER_INTENSITY),
                m.fraction("overheadFixedShare", Bound.UNIT_INTERVAL, Double.NaN),
                m.fraction("overheadPerKelvin", Limits.OVERHEAD_PER_KELVIN, Double.NaN),
                provenance(m));
        m.finish();
        return Result.of(m, before, cooling);
    }

    private static ReliabilityData reliability(YamlMap m) {
        int before = m.problems().list().size();
        YamlMap observation = m.map("observation");
        int accelerators = 0;
        double days = Double.NaN;
        if (observation == null) {
            m.required("observation");
        } else {
            accelerators = (int) observation.integer("accelerators", 1, Limits.MAX_JOB_ACCELERATORS);
            days = observation.number("days", Limits.OBSERVATION_DAYS);
            observation.string("source", "");
            observation.finish();
        }
        List<FailureCategory> categories = new ArrayList<>();
        for (YamlNode item : m.list("categories")) {
            YamlMap c = item.asMap();
            if (c == null) {
                continue;
            }
            categories.add(new FailureCategory(
                    c.name("name"),
                    oneOf(c, "component", COMPONENTS),
                    (int) c.integer("interruptions", 0, Limits.MAX_INTERRUPTIONS),
                    c.string("description", "")));
            c.finish();
        }
        double repair = m.quantity("repairTime", Dimension.DURATION, Limits.REPAIR_TIME);
        double restart = m.quantity("restartOverhead", Dimension.DURATION, Limits.RESTART_OVERHEAD);
        double perAccelerator =
                m.quantity("restartPerAccelerator", Dimension.DURATION, Limits.RESTART_PER_ACCELERATOR, 0.0);
        Provenance provenance = provenance(m);
        m.finish();
        if (m.problems().list().size() > before) {
            return null;
        }
        return new ReliabilityData(accelerators, days, categories, repair, restart, perAccelerator, provenance);
    }

    private static Provenance provenance(YamlMap m) {
        String source = m.string("source");
        return new Provenance(source == null ? "" : source, estimates(m));
    }

    static Provenance provenanceOf(YamlMap m) {
        return provenance(m);
    }

    /**
     * One entry of a catalog section: {@code fields} reads the mapping's fields and returns how to make the
     * entry from them and its provenance (or null when a required part is missing). The entry is made only
     * when reading the fields, the provenance and finishing the mapping (unknown keys) found no problem;
     * otherwise the result is null and the problems are reported.
     */
    static <T> T entry(YamlNode node, Function<YamlMap, Function<Provenance, T>> fields) {
        YamlMap m = node.asMap();
        if (m == null) {
            return null;
        }
        int before = m.problems().list().size();
        Function<Provenance, T> make = fields.apply(m);
        if (make == null) {
            return null;
        }
        Provenance provenance = provenance(m);
        m.finish();
        return m.problems().list().size() > before ? null : make.apply(provenance);
    }

    private static Provenance optionalProvenance(YamlMap m) {
        return new Provenance(m.string("source", "defined in the scenario"), estimates(m));
    }

    private static Map<String, String> estimates(YamlMap m) {
        Map<String, String> estimates = new LinkedHashMap<>();
        YamlMap e = m.map("estimates");
        if (e != null) {
            for (String key : e.keys()) {
                String text = e.string(key);
                if (text != null) {
                    estimates.put(key, text);
                }
            }
            e.finish();
        }
        return estimates;
    }

    /** A required value of {@code key} that must be one of {@code allowed}; records a problem otherwise. */
    public static String oneOf(YamlMap m, String key, List<String> allowed) {
        String value = m.string(key);
        if (value != null && !allowed.contains(value)) {
            m.optional(key)
                    .problem("must be one of " + String.join(", ", allowed) + ", got \"" + value + "\""
                            + Suggestions.hint(value, allowed));
            return null;
        }
        return value;
    }

    /** An entry read from a file, or nothing when the entry had problems. */
    private record Result<T>(T value) {
        static <T> Result<T> invalid() {
            return new Result<>(null);
        }

        static <T> Result<T> of(YamlMap m, int problemsBefore, T value) {
            return m.problems().list().size() > problemsBefore ? invalid() : new Result<>(value);
        }

        void ifValid(Consumer<T> consumer) {
            if (value != null) {
                consumer.accept(value);
            }
        }
    }
}
