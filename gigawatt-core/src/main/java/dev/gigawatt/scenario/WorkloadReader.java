package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.CatalogReader;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.input.Amounts;
import dev.gigawatt.input.Bound;
import dev.gigawatt.input.Limits;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.model.Parallelism;
import dev.gigawatt.model.ServingLayout;
import dev.gigawatt.units.Dimension;
import dev.gigawatt.units.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the {@code training:} and {@code inference:} sections. */
final class WorkloadReader {
    static final String CHOOSE = "choose";

    /** Latency objectives hold at p99 of Poisson arrivals unless the service says otherwise, as MLPerf's server scenario. */
    static final double DEFAULT_SLO_PERCENTILE = 0.99;

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(?:\\.\\d{1,3})?)");

    private WorkloadReader() {}

    static List<TrainingJob> training(YamlMap top, ReadContext ctx) {
        List<TrainingJob> jobs = new ArrayList<>();
        for (YamlNode item : top.list("training")) {
            YamlMap m = item.asMap();
            if (m == null) {
                continue;
            }
            String name = m.name("name");
            ModelSpec model = model(m, ctx);
            double tokens =
                    m.has("tokens") || !m.has("phases") ? m.number("tokens", Limits.TRAINING_TOKENS) : Double.NaN;
            long gpus = m.integer("accelerators", 1, Limits.MAX_JOB_ACCELERATORS);
            Accelerator accelerator = ctx.lookup(m, "accelerator", ctx.catalog.accelerators(), "accelerator");
            Precision precision = precision(m, accelerator, Precision.BF16);
            double mfu = m.has("mfu") ? m.fraction("mfu", Bound.POSITIVE_UNIT_INTERVAL) : Double.NaN;
            int sequence = (int) m.integer(
                    "sequenceLength",
                    1,
                    Limits.MAX_SEQUENCE_LENGTH,
                    model == null ? 8192 : Math.min(8192, model.contextLength()));
            double checkpointBytes = Double.NaN;
            double writeBandwidth = Double.NaN;
            double interval = Double.NaN;
            YamlMap checkpoint = m.map("checkpoint");
            double defaultBytes = model == null
                    ? Double.NaN
                    : model.parameters() * ctx.assumptions.number("training.checkpointBytesPerParameter");
            double defaultBandwidth = gpus
                    * ctx.assumptions.quantity("training.checkpointWriteBandwidthPerAccelerator", Dimension.BANDWIDTH);
            if (checkpoint != null) {
                checkpointBytes = checkpoint.quantity("size", Dimension.BYTES, Limits.CHECKPOINT_SIZE, defaultBytes);
                writeBandwidth =
                        checkpoint.quantity("writeBandwidth", Dimension.BANDWIDTH, Limits.BANDWIDTH, defaultBandwidth);
                YamlNode intervalNode = checkpoint.optional("interval");
                if (intervalNode != null && !"optimal".equals(intervalNode.text())) {
                    interval = intervalNode.asQuantity(Dimension.DURATION, Limits.CHECKPOINT_INTERVAL);
                }
                checkpoint.finish();
            } else {
                checkpointBytes = defaultBytes;
                writeBandwidth = defaultBandwidth;
            }
            var start = m.date("start", ctx.horizonStart);
            String site = ctx.siteRef(m, "site", false);
            int priority = (int) m.integer("priority", -Limits.MAX_PRIORITY, Limits.MAX_PRIORITY, 0);
            long globalBatch = m.integer("globalBatch", 1, 1_000_000_000L, 0);
            YamlMap parallelism = m.map("parallelism");
            var layout = TrainingLayoutReader.layout(parallelism);
            var networkSpec = m.has("network") ? ctx.lookup(m, "network", ctx.catalog.networks(), "network") : null;
            String network = networkSpec == null ? null : networkSpec.name();
            var phases = TrainingPhaseReader.phases(
                    m, new TrainingPhase(name, tokens, sequence, gpus, precision, globalBatch, layout));
            if (phases.isEmpty()) {
                TrainingLayoutReader.check(parallelism, layout, gpus, globalBatch);
            } else {
                double sum = phases.stream().mapToDouble(TrainingPhase::tokens).sum();
                if (Double.isNaN(tokens)) {
                    tokens = sum;
                } else if (Math.abs(tokens - sum) > 1e-6 * tokens) {
                    m.optional("tokens")
                            .problem("must equal the sum of the phases' tokens (" + sum + "), got " + tokens
                                    + "; leave it out to use the sum");
                }
            }
            m.finish();
            jobs.add(new TrainingJob(
                    name,
                    model,
                    tokens,
                    gpus,
                    accelerator,
                    precision,
                    mfu,
                    sequence,
                    checkpointBytes,
                    writeBandwidth,
                    interval,
                    start,
                    site,
                    priority,
                    globalBatch,
                    layout,
                    network,
                    phases));
        }
        return jobs;
    }

    static List<JobMix> jobMix(YamlMap top, ReadContext ctx) {
        List<JobMix> mixes = new ArrayList<>();
        JobCount jobs = new JobCount();
        for (YamlNode item : top.list("jobMix")) {
            YamlMap m = item.asMap();
            if (m == null) {
                continue;
            }
            String name = m.name("name");
            String site = ctx.siteRef(m, "site", true);
            Accelerator accelerator = ctx.lookup(m, "accelerator", ctx.catalog.accelerators(), "accelerator");
            double arrivals = m.number("arrivalsPerDay", Bound.POSITIVE);
            long min = 1;
            long max = 1;
            YamlMap sizes = m.map("accelerators");
            if (sizes == null) {
                m.required("accelerators");
            } else {
                min = sizes.integer("min", 1, Limits.MAX_JOB_ACCELERATORS);
                max = sizes.integer("max", 1, Limits.MAX_JOB_ACCELERATORS);
                sizes.finish();
                if (max < min) {
                    sizes.problem("max must be >= min, got " + min + " to " + max);
                }
            }
            double median = Double.NaN;
            double spread = 1;
            YamlMap duration = m.map("duration");
            if (duration == null) {
                m.required("duration");
            } else {
                median = duration.quantity("median", Dimension.DURATION, Limits.JOB_DURATION);
                spread = duration.number("spread", Limits.DURATION_SPREAD, 1.0);
                duration.finish();
            }
            int priority = (int) m.integer("priority", -Limits.MAX_PRIORITY, Limits.MAX_PRIORITY, 0);
            double checkpoint = m.quantity(
                    "checkpointWrite",
                    Dimension.DURATION,
                    Limits.CHECKPOINT_WRITE,
                    ctx.assumptions.quantity("training.mixCheckpointWrite", Dimension.DURATION));
            var start = m.date("start", ctx.horizonStart);
            YamlNode preemptibleNode = m.optional("preemptible");
            boolean preemptible = preemptibleNode != null && ScenarioReader.bool(preemptibleNode);
            m.finish();
            jobs.add(m.optional("arrivalsPerDay"), arrivals, ctx.daysToEnd(start));
            mixes.add(new JobMix(
                    name,
                    site,
                    accelerator,
                    arrivals,
                    min,
                    max,
                    median,
                    spread,
                    priority,
                    checkpoint,
                    start,
                    preemptible));
        }
        jobs.check(top);
        return mixes;
    }

    static List<InferenceService> inference(YamlMap top, ReadContext ctx) {
        List<InferenceService> services = new ArrayList<>();
        for (YamlNode item : top.list("inference")) {
            YamlMap m = item.asMap();
            if (m == null) {
                continue;
            }
            String name = m.name("name");
            ModelSpec model = model(m, ctx);
            double users = m.number("users", Limits.USERS);
            double requests = m.number("requestsPerUserPerDay", Limits.REQUESTS_PER_USER_PER_DAY);
            double input = m.number("inputTokens", Limits.TOKENS_PER_REQUEST);
            double output = m.number("outputTokens", Limits.TOKENS_PER_REQUEST);
            double ttft = Double.NaN;
            double tpot = Double.NaN;
            double percentile = DEFAULT_SLO_PERCENTILE;
            YamlMap slo = m.map("slo");
            if (slo == null) {
                m.required("slo");
            } else {
                ttft = slo.quantity("ttft", Dimension.DURATION, Limits.LATENCY);
                tpot = slo.quantity("tpot", Dimension.DURATION, Limits.LATENCY);
                percentile = sloPercentile(slo);
                slo.finish();
            }
            double cached = m.fraction("cachedInputShare", Limits.CACHED_INPUT_SHARE, 0);
            double peakToMean = m.number("peakToMean", Limits.PEAK_TO_MEAN, 1.0);
            double growth = m.fraction("growthPerYear", Limits.GROWTH_PER_YEAR, 0);
            checkPeakDemand(m, ctx, users * requests * output, growth, peakToMean);
            Accelerator accelerator = null;
            YamlNode acceleratorNode = m.required("accelerator");
            if (acceleratorNode != null && !CHOOSE.equals(acceleratorNode.text())) {
                accelerator = ctx.lookup(acceleratorNode, ctx.catalog.accelerators(), "accelerator");
            }
            Precision precision = precision(m, accelerator, Precision.FP8);
            Parallelism parallelism = parallelism(m, model);
            String site = ctx.siteRef(m, "site", false);
            var start = m.date("start", ctx.horizonStart);
            m.finish();
            services.add(new InferenceService(
                    name,
                    model,
                    users,
                    requests,
                    input,
                    output,
                    cached,
                    ttft,
                    tpot,
                    percentile,
                    peakToMean,
                    growth,
                    accelerator,
                    parallelism,
                    precision,
                    site,
                    start));
        }
        return services;
    }

    /** The planner and simulator size replicas for the peak at the horizon's end: it must stay countable. */
    private static void checkPeakDemand(
            YamlMap m, ReadContext ctx, double outputTokensPerDay, double growth, double peakToMean) {
        if (!Double.isFinite(outputTokensPerDay + growth + peakToMean) || ctx.horizonEnd == null) {
            return;
        }
        double years = ctx.daysToEnd(ctx.horizonStart) / 365.0;
        double peak = outputTokensPerDay / Units.SECONDS_PER_DAY * Math.pow(1 + growth, years) * peakToMean;
        if (peak > Limits.MAX_PEAK_TOKENS_PER_SECOND) {
            m.problem("peak demand at the horizon's end is " + Amounts.count(peak)
                    + " output tokens/s (users × requestsPerUserPerDay × outputTokens per day, grown by growthPerYear"
                    + " for " + String.format(Locale.ROOT, "%.1f", years) + " years, × peakToMean); at most "
                    + Amounts.count(Limits.MAX_PEAK_TOKENS_PER_SECOND) + " tokens/s are allowed");
        }
    }

    /** The expected number of jobs the mixes generate over the horizon, which the simulator holds in memory. */
    private static final class JobCount {
        private final List<YamlNode> nodes = new ArrayList<>();
        private final List<Double> counts = new ArrayList<>();
        private final List<String> descriptions = new ArrayList<>();

        void add(YamlNode arrivalsNode, double arrivalsPerDay, long days) {
            if (arrivalsNode != null && Double.isFinite(arrivalsPerDay) && days > 0) {
                nodes.add(arrivalsNode);
                counts.add(arrivalsPerDay * days);
                descriptions.add(
                        Amounts.count(arrivalsPerDay) + " arrivals a day over " + Amounts.count(days) + " days");
            }
        }

        void check(YamlMap top) {
            double total = counts.stream().mapToDouble(Double::doubleValue).sum();
            if (total <= Limits.MAX_GENERATED_JOBS) {
                return;
            }
            String allowed = "; at most " + Amounts.count(Limits.MAX_GENERATED_JOBS)
                    + " generated jobs are allowed in a horizon (simulating ";
            boolean reported = false;
            for (int i = 0; i < nodes.size(); i++) {
                if (counts.get(i) > Limits.MAX_GENERATED_JOBS) {
                    nodes.get(i)
                            .problem(descriptions.get(i) + " are about " + Amounts.count(counts.get(i)) + " jobs"
                                    + allowed + "them would take " + Limits.simulationEstimate(counts.get(i)) + ")");
                    reported = true;
                }
            }
            if (!reported) {
                top.problems()
                        .add(
                                "jobMix",
                                nodes.get(0).line(),
                                "the job mixes generate about " + Amounts.count(total) + " jobs ("
                                        + String.join(", ", descriptions)
                                        + ")" + allowed + "them would take " + Limits.simulationEstimate(total) + ")");
            }
        }
    }

    /**
     * {@code slo.percentile}: {@code p50} .. {@code p99.9} for objectives at that percentile of Poisson
     * arrivals, or {@code mean} for objectives on the mean latency at a fixed batch (NaN).
     */
    private static double sloPercentile(YamlMap slo) {
        YamlNode node = slo.optional("percentile");
        if (node == null) {
            return DEFAULT_SLO_PERCENTILE;
        }
        String text = node.asString();
        if ("mean".equals(text)) {
            return Double.NaN;
        }
        var match = text == null ? null : PERCENTILE.matcher(text);
        if (match == null || !match.matches() || Double.parseDouble(match.group(1)) < 1) {
            node.problem("must be a percentile from p1 to p99.999 (such as p99) or mean, got " + text);
            return DEFAULT_SLO_PERCENTILE;
        }
        return new BigDecimal(match.group(1)).movePointLeft(2).doubleValue();
    }

    private static Parallelism parallelism(YamlMap m, ModelSpec model) {
        YamlNode node = m.optional("parallelism");
        if (node == null || CHOOSE.equals(node.text())) {
            return null;
        }
        YamlMap p = node.asMap();
        if (p == null) {
            return null;
        }
        if (p.has("prefill") || p.has("decode")) {
            return disaggregated(p, model);
        }
        boolean expertGiven = p.has("expert") || p.has("ep");
        int tp = degree(p, "tensor", "tp");
        int pp = degree(p, "pipeline", "pp");
        int ep = expertGiven ? degree(p, "expert", "ep") : 0;
        p.finish();
        if (expertGiven) {
            if (tp != 1 || pp != 1) {
                p.problem("expert parallelism runs attention data-parallel across its accelerators:"
                        + " give expert alone, not with tensor or pipeline");
                return null;
            }
            String invalid = model == null ? null : ServingLayout.invalidExpertParallelReason(model, ep);
            if (invalid != null) {
                p.problem("{expert: " + ep + "} cannot serve " + model.name() + ": " + invalid
                        + " (or use 'parallelism: choose')");
                return null;
            }
            return new Parallelism(1, 1, ep);
        }
        String invalid = model == null ? null : ServingLayout.invalidReason(model, tp, pp);
        if (invalid != null) {
            p.problem("{tp: " + tp + ", pp: " + pp + "} cannot serve " + model.name() + ": " + invalid
                    + " (or use 'parallelism: choose')");
            return null;
        }
        return new Parallelism(tp, pp);
    }

    /**
     * {@code parallelism: {prefill: {tensor, instances}, decode: {tensor, pipeline, instances}}}: prefill
     * and decode on separate instances of one unit; both parts are required and each must be a layout
     * the model can run.
     */
    private static Parallelism disaggregated(YamlMap p, ModelSpec model) {
        YamlMap prefill = p.map("prefill");
        YamlMap decode = p.map("decode");
        p.finish();
        if (prefill == null || decode == null) {
            p.problem("disaggregated serving needs both 'prefill' and 'decode' (each {tensor, instances})");
            return null;
        }
        int prefillTp = degree(prefill, "tensor", "tp");
        int prefillInstances = (int) prefill.integer("instances", 1, Limits.MAX_PARALLELISM, 1);
        prefill.finish();
        int decodeTp = degree(decode, "tensor", "tp");
        int decodePp = degree(decode, "pipeline", "pp");
        int decodeInstances = (int) decode.integer("instances", 1, Limits.MAX_PARALLELISM, 1);
        decode.finish();
        Parallelism layout =
                Parallelism.disaggregated(prefillTp, prefillInstances, decodeTp, decodePp, decodeInstances);
        String invalid = model == null ? null : ServingLayout.invalidReason(model, layout);
        if (invalid != null) {
            p.problem(layout + " cannot serve " + model.name() + ": " + invalid + " (or use 'parallelism: choose')");
            return null;
        }
        return layout;
    }

    /**
     * A serving layout's degree under the name training layouts use ({@code tensor}) or its short
     * form ({@code tp}, kept for existing files); both at once is a problem.
     */
    private static int degree(YamlMap p, String name, String shortName) {
        if (p.has(name) && p.has(shortName)) {
            p.optional(shortName).problem("'" + shortName + "' and '" + name + "' say the same thing; give one");
        }
        String key = p.has(name) ? name : shortName;
        return (int) p.integer(key, 1, Limits.MAX_PARALLELISM, 1);
    }

    private static ModelSpec model(YamlMap m, ReadContext ctx) {
        YamlNode node = m.required("model");
        if (node == null) {
            return null;
        }
        if (node.isMap()) {
            YamlMap inline = node.asMap();
            int before = m.problems().list().size();
            ModelSpec spec = CatalogReader.model(inline, false);
            return m.problems().list().size() > before ? null : spec;
        }
        return ctx.lookup(node, ctx.catalog.models(), "model");
    }

    private static String supported(Accelerator accelerator) {
        return String.join(
                ", ",
                Arrays.stream(Precision.values())
                        .filter(accelerator::supports)
                        .map(Precision::key)
                        .toList());
    }

    private static Precision precision(YamlMap m, Accelerator accelerator, Precision fallback) {
        YamlNode node = m.optional("precision");
        Precision precision = fallback;
        if (node != null) {
            String text = node.asString();
            precision = text == null ? null : Precision.fromKey(text);
            if (text != null && precision == null) {
                List<String> keys =
                        Arrays.stream(Precision.values()).map(Precision::key).toList();
                node.problem("must be one of " + String.join(", ", keys) + ", got \"" + text + "\""
                        + Suggestions.hint(text, keys));
                return null;
            }
        }
        if (precision != null && accelerator != null && !accelerator.supports(precision)) {
            if (node == null && accelerator.supports(Precision.BF16)) {
                return Precision.BF16;
            }
            (node != null ? node : m.optional("accelerator"))
                    .problem("accelerator '" + accelerator.name() + "' has no " + precision.key()
                            + " peak in the catalog (it has " + supported(accelerator) + ")");
            return null;
        }
        return precision;
    }
}
