package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.CatalogReader;
import dev.gigawatt.catalog.ReliabilityData;
import dev.gigawatt.input.Amounts;
import dev.gigawatt.input.Bound;
import dev.gigawatt.input.Limits;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.units.Dimension;
import dev.gigawatt.units.Units;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates a scenario file. All problems in the file are collected and thrown together
 * as one {@link dev.gigawatt.input.InputException}; nothing is corrected silently.
 */
public final class ScenarioReader {
    /** The simulator's scheduling policies, as written in files. */
    public static final List<String> SCHEDULERS = List.of("fifo", "easy-backfill", "priority");

    private ScenarioReader() {}

    /** Reads the scenario in {@code file}, resolving names against {@code catalog}. */
    public static Scenario read(Path file, String displayName, Catalog catalog) {
        return read(YamlDocument.read(file, displayName), catalog);
    }

    /** Reads a scenario from YAML text (for tests and embedding). */
    public static Scenario parse(String yaml, String displayName, Catalog catalog) {
        return read(YamlDocument.parse(yaml, displayName), catalog);
    }

    /** Reads a scenario from an already parsed (and possibly patched) document. */
    public static Scenario read(YamlNode root, Catalog baseCatalog) {
        YamlMap top = root.asMap();
        if (top == null) {
            root.problems().throwIfAny();
        }
        // A scenario's own catalog entries make a new catalog; the base one is shared and never changes.
        Catalog catalog = baseCatalog;
        YamlMap inlineCatalog = top.map("catalog");
        if (inlineCatalog != null) {
            Catalog.Builder extended = baseCatalog.toBuilder();
            CatalogReader.readSections(inlineCatalog, extended);
            catalog = extended.build();
        }
        String name = top.name("name");
        String description = top.string("description", "");
        long seed = top.integer("seed", 0, Long.MAX_VALUE - 1, 1);
        Horizon horizon = horizon(top);
        Assumptions assumptions = Assumptions.builtIn();
        ReadContext ctx = new ReadContext(
                catalog,
                assumptions,
                horizon == null ? LocalDate.of(2025, 1, 1) : horizon.start(),
                horizon == null ? null : horizon.end());
        List<Site> sites = SiteReader.sites(top, ctx);
        checkSiteHours(top, horizon, sites.size());
        YamlMap financeMap = top.map("finance");
        Map<String, Double> priceOverrides = FinanceReader.acceleratorPrices(financeMap, ctx);
        Finance finance = FinanceReader.finance(financeMap, top, assumptions, priceOverrides);
        List<Deployment> fleet = SiteReader.fleet(top, ctx, priceOverrides);
        List<TrainingJob> training = WorkloadReader.training(top, ctx);
        List<InferenceService> inference = WorkloadReader.inference(top, ctx);
        List<JobMix> jobMix = WorkloadReader.jobMix(top, ctx);
        Reliability reliability = FinanceReader.reliability(top, catalog.reliability(), assumptions);
        Optimization optimization = OptimizationReader.optimization(top, ctx, training);
        SimulationSettings settings = SimulationSettings.defaults();
        YamlMap simulation = top.map("simulation");
        if (simulation != null) {
            String scheduler = simulation.has("scheduler")
                    ? CatalogReader.oneOf(simulation, "scheduler", SCHEDULERS)
                    : settings.scheduler();
            YamlNode lend = simulation.optional("lendServingTrough");
            boolean lending = lend != null && bool(lend);
            simulation.finish();
            settings = new SimulationSettings(scheduler, lending);
        }
        top.finish();
        root.problems().throwIfAny();
        return new Scenario(
                name,
                description,
                seed,
                horizon,
                sites,
                fleet,
                training,
                inference,
                finance,
                reliability,
                catalog,
                settings,
                jobMix,
                optimization);
    }

    /** A YAML boolean ({@code true} or {@code false}); records a problem for anything else. */
    static boolean bool(YamlNode node) {
        String text = node.asString();
        if ("true".equals(text) || "false".equals(text)) {
            return "true".equals(text);
        }
        node.problem("must be true or false, got \"" + text + "\"");
        return false;
    }

    private static Horizon horizon(YamlMap top) {
        YamlMap m = top.map("horizon");
        if (m == null) {
            top.required("horizon");
            return null;
        }
        LocalDate start = m.date("start");
        LocalDate end = null;
        if (m.has("end") && m.has("duration")) {
            m.problem("give either end or duration, not both");
        } else if (m.has("duration")) {
            double seconds = m.quantity("duration", Dimension.DURATION, Limits.HORIZON_DURATION);
            if (start != null && !Double.isNaN(seconds)) {
                end = start.plusDays(Math.max(1, Math.round(seconds / Units.SECONDS_PER_DAY)));
            }
        } else {
            end = m.date("end");
        }
        m.finish();
        if (start != null && end != null && !end.isAfter(start)) {
            m.problem("end must be after start, got " + start + " to " + end);
            return null;
        }
        if (start != null && end != null && end.isAfter(start.plusYears(Limits.MAX_HORIZON_YEARS))) {
            m.problem("the horizon must be at most " + Limits.MAX_HORIZON_YEARS + " years long, got " + start + " to "
                    + end + " (" + Amounts.count(ChronoUnit.DAYS.between(start, end)) + " days)");
            return null;
        }
        return start == null || end == null ? null : new Horizon(start, end);
    }

    /** The simulator keeps hourly series per site: sites × hours of the horizon is bounded. */
    private static void checkSiteHours(YamlMap top, Horizon horizon, int sites) {
        if (horizon == null) {
            return;
        }
        long siteHours = horizon.days() * 24 * sites;
        if (siteHours > Limits.MAX_SITE_HOURS) {
            top.problems()
                    .add(
                            "sites",
                            top.optional("sites").line(),
                            Amounts.count(sites) + " sites over " + Amounts.count(horizon.days())
                                    + " days are " + Amounts.count(siteHours) + " site-hours; at most "
                                    + Amounts.count(Limits.MAX_SITE_HOURS)
                                    + " are allowed (the simulator keeps 15 hourly figures per site-hour: about "
                                    + Amounts.bytes(siteHours * 124.0) + " of memory); shorten the horizon or"
                                    + " merge sites");
        }
    }

    /** Reads the {@code finance:} and {@code reliability:} sections. */
    static final class FinanceReader {
        private FinanceReader() {}

        static Finance finance(YamlMap m, YamlMap top, Assumptions a, Map<String, Double> prices) {
            if (m == null) {
                m = emptyMap(top);
            }
            double revenuePerUser = 0;
            double revenuePerMillion = 0;
            YamlMap revenue = m.map("revenue");
            if (revenue != null) {
                revenuePerUser = revenue.quantity("perUserPerYear", Dimension.MONEY, Limits.MONEY, 0);
                revenuePerMillion = revenue.quantity("perMillionTokens", Dimension.MONEY, Limits.MONEY, 0);
                revenue.finish();
            }
            double bookYears =
                    m.number("depreciationYears", Limits.BOOK_LIFE_YEARS, a.number("finance.depreciationYears"));
            Finance finance = new Finance(
                    m.fraction("serverShare", Bound.UNIT_INTERVAL, a.fraction("finance.serverShare")),
                    m.fraction("networkShare", Bound.UNIT_INTERVAL, a.fraction("finance.networkShare")),
                    m.quantity(
                            "facilityCost",
                            Dimension.POWER_PRICE,
                            Limits.FACILITY_COST,
                            a.quantity("finance.facilityCost", Dimension.POWER_PRICE)),
                    bookYears,
                    m.number(
                            "facilityDepreciationYears",
                            Limits.BOOK_LIFE_YEARS,
                            a.number("finance.facilityDepreciationYears")),
                    m.fraction("costOfCapital", Limits.COST_OF_CAPITAL, a.fraction("finance.costOfCapital")),
                    m.fraction("maintenance", Bound.UNIT_INTERVAL, a.fraction("finance.maintenance")),
                    m.quantity("electricityPrice", Dimension.ENERGY_PRICE, Limits.ENERGY_PRICE, Double.NaN),
                    revenuePerUser,
                    revenuePerMillion,
                    m.quantity("budget", Dimension.MONEY, Limits.BUDGET, 0),
                    prices,
                    m.quantity(
                                    "constructionLeadTime",
                                    Dimension.DURATION,
                                    Limits.CONSTRUCTION_LEAD_TIME,
                                    a.quantity("finance.constructionLeadTime", Dimension.DURATION))
                            / Units.SECONDS_PER_YEAR,
                    m.number("evaluationYears", Limits.BOOK_LIFE_YEARS, bookYears));
            m.has("acceleratorPrices");
            m.finish();
            if (finance.serverShare() >= 1 || finance.networkShare() >= 1) {
                m.problem("serverShare and networkShare must be below 100%");
            }
            return finance;
        }

        static Map<String, Double> acceleratorPrices(YamlMap finance, ReadContext ctx) {
            Map<String, Double> prices = new LinkedHashMap<>();
            YamlMap m = finance == null ? null : finance.map("acceleratorPrices");
            if (m == null) {
                return prices;
            }
            for (String key : m.keys()) {
                YamlNode node = m.optional(key);
                if (node == null) {
                    continue;
                }
                var accelerator = ctx.catalog.accelerators().find(key).orElse(null);
                double price = node.asQuantity(Dimension.MONEY, Limits.ACCELERATOR_PRICE);
                if (accelerator == null) {
                    node.problem("unknown accelerator '" + key + "'"
                            + Suggestions.hint(key, ctx.catalog.accelerators().names())
                            + " (see 'gigawatt catalog' for the list, or define it under catalog:)");
                } else {
                    prices.put(accelerator.name(), price);
                }
            }
            return prices;
        }

        static Reliability reliability(YamlMap top, ReliabilityData data, Assumptions a) {
            YamlMap m = top.map("reliability");
            if (m == null) {
                m = emptyMap(top);
            }
            double defaultMtbfHours = 1 / data.failuresPerAcceleratorHour();
            boolean given = m.has("acceleratorMtbf");
            double mtbfSeconds =
                    m.quantity("acceleratorMtbf", Dimension.DURATION, Limits.ACCELERATOR_MTBF, defaultMtbfHours * 3600);
            double repair = m.quantity("repairTime", Dimension.DURATION, Limits.REPAIR_TIME, data.repairTimeSeconds());
            double restart = m.quantity(
                    "restartOverhead", Dimension.DURATION, Limits.RESTART_OVERHEAD, data.restartOverheadSeconds());
            double perAccelerator = m.quantity(
                    "restartPerAccelerator",
                    Dimension.DURATION,
                    Limits.RESTART_PER_ACCELERATOR,
                    data.restartSecondsPerAccelerator());
            double spares = m.fraction("hotSpares", Bound.UNIT_INTERVAL, a.fraction("reliability.hotSpareFraction"));
            m.finish();
            return new Reliability(3600 / mtbfSeconds, repair, restart, perAccelerator, spares, given);
        }

        private static YamlMap emptyMap(YamlMap top) {
            return YamlDocument.parse("{}", top.problems().fileName()).asMap();
        }
    }
}
