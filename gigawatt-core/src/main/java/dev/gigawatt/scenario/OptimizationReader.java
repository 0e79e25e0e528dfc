package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.CatalogReader;
import dev.gigawatt.input.Bound;
import dev.gigawatt.input.Limits;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.units.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the {@code optimize:} section. */
final class OptimizationReader {
    private static final Bound TIME_LIMIT = Bound.POSITIVE.atMost(3600, "must be > 0 and at most 1 h");
    private static final Bound MAX_CO2E = Bound.POSITIVE.atMost(1e15, "must be > 0 and at most 1,000,000 Mt");
    private static final Bound STEP_COST = Bound.NON_NEGATIVE.atMost(1e15, "must be between $0 and $1,000,000B");
    private static final double DEFAULT_TIME_LIMIT_SECONDS = 10;

    private OptimizationReader() {}

    /** The section, or null when the scenario has none. */
    static Optimization optimization(YamlMap top, ReadContext ctx, List<TrainingJob> training) {
        YamlMap m = top.map("optimize");
        if (m == null) {
            return null;
        }
        String objective = m.has("objective") ? CatalogReader.oneOf(m, "objective", Optimization.OBJECTIVES) : "tco";
        double timeLimit = m.quantity("timeLimit", Dimension.DURATION, TIME_LIMIT, DEFAULT_TIME_LIMIT_SECONDS);
        List<Optimization.Candidate> candidates = candidates(m, ctx);
        List<String> sites = new ArrayList<>();
        for (YamlNode node : m.list("sites")) {
            String name = node.asString();
            if (name != null && !ctx.siteNames.contains(name)) {
                node.problem("unknown site '" + name + "'" + Suggestions.hint(name, ctx.siteNames) + " (sites: "
                        + String.join(", ", ctx.siteNames) + ")");
            } else if (name != null && sites.contains(name)) {
                node.problem("site '" + name + "' is listed twice");
            } else if (name != null) {
                sites.add(name);
            }
        }
        List<Optimization.StepOption> steps = steps(m, ctx);
        Map<String, LocalDate> deadlines = deadlines(m, training);
        Map<Integer, Double> budgets = budgets(m, ctx);
        double maxCo2e = m.quantity("maxCo2e", Dimension.MASS_CO2E, MAX_CO2E, Double.NaN);
        double maxVendorShare =
                m.fraction("maxVendorShare", Bound.above(0, 1, "must be above 0% and at most 100%"), Double.NaN);
        m.finish();
        return new Optimization(
                objective, timeLimit, candidates, sites, steps, deadlines, budgets, maxCo2e, maxVendorShare);
    }

    private static List<Optimization.Candidate> candidates(YamlMap m, ReadContext ctx) {
        List<Optimization.Candidate> out = new ArrayList<>();
        List<YamlNode> items = m.list("accelerators");
        if (items.isEmpty()) {
            m.problems()
                    .add(
                            m.path().isEmpty() ? "accelerators" : m.path() + ".accelerators",
                            m.line(),
                            "at least one candidate accelerator is required, such as {name: GB200}");
        }
        List<String> seen = new ArrayList<>();
        for (YamlNode item : items) {
            YamlMap c = item.asMap();
            if (c == null) {
                continue;
            }
            Accelerator accelerator = ctx.lookup(c, "name", ctx.catalog.accelerators(), "accelerator");
            if (accelerator != null && seen.contains(accelerator.name())) {
                c.optional("name").problem("accelerator '" + accelerator.name() + "' is listed twice");
            } else if (accelerator != null) {
                seen.add(accelerator.name());
            }
            double price = c.quantity("price", Dimension.MONEY, Limits.ACCELERATOR_PRICE, Double.NaN);
            LocalDate available = c.date("available", null);
            long deliveries = c.integer("deliveriesPerQuarter", 1, Limits.MAX_DEPLOYMENT_COUNT, 0);
            c.finish();
            if (accelerator != null) {
                out.add(new Optimization.Candidate(accelerator, price, available, deliveries));
            }
        }
        return out;
    }

    private static List<Optimization.StepOption> steps(YamlMap m, ReadContext ctx) {
        List<Optimization.StepOption> out = new ArrayList<>();
        for (YamlNode item : m.list("capacitySteps")) {
            YamlMap s = item.asMap();
            if (s == null) {
                continue;
            }
            String site = ctx.siteRef(s, "site", true);
            double power = s.quantity("power", Dimension.POWER, Limits.SITE_POWER);
            LocalDate earliest = s.date("earliest", ctx.horizonStart);
            double cost = s.quantity("cost", Dimension.MONEY, STEP_COST, Double.NaN);
            String name = s.string("name", site + "-step-" + (out.size() + 1));
            s.finish();
            if (site != null && !Double.isNaN(power)) {
                out.add(new Optimization.StepOption(name, site, power, earliest, cost));
            }
        }
        return out;
    }

    private static Map<String, LocalDate> deadlines(YamlMap m, List<TrainingJob> training) {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        YamlMap d = m.map("deadlines");
        if (d == null) {
            return out;
        }
        List<String> jobs = training.stream().map(TrainingJob::name).toList();
        for (String key : d.keys()) {
            YamlNode node = d.optional(key);
            LocalDate date = node.asDate();
            if (!jobs.contains(key)) {
                node.problem("unknown training job '" + key + "'" + Suggestions.hint(key, jobs) + " (jobs: "
                        + (jobs.isEmpty() ? "none" : String.join(", ", jobs)) + ")");
            } else if (date != null) {
                out.put(key, date);
            }
        }
        d.finish();
        return out;
    }

    private static Map<Integer, Double> budgets(YamlMap m, ReadContext ctx) {
        Map<Integer, Double> out = new TreeMap<>();
        YamlMap b = m.map("budgets");
        if (b == null) {
            return out;
        }
        for (String key : b.keys()) {
            YamlNode node = b.optional(key);
            double usd = node.asQuantity(Dimension.MONEY, Limits.BUDGET);
            int year;
            try {
                year = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                node.problem("a budget's key is a calendar year such as 2026, got '" + key + "'");
                continue;
            }
            int first = ctx.horizonStart.getYear();
            int last =
                    ctx.horizonEnd == null ? first : ctx.horizonEnd.minusDays(1).getYear();
            if (year < first || year > last) {
                node.problem("year " + year + " is outside the horizon (" + first + " to " + last + ")");
            } else if (!Double.isNaN(usd)) {
                out.put(year, usd);
            }
        }
        b.finish();
        return out;
    }
}
