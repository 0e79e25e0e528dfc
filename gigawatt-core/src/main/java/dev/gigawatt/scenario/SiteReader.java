package dev.gigawatt.scenario;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.CoolingType;
import dev.gigawatt.catalog.GridRegion;
import dev.gigawatt.catalog.ServerSpec;
import dev.gigawatt.input.Bound;
import dev.gigawatt.input.Limits;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.model.FacilityOverhead;
import dev.gigawatt.units.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code sites:} and {@code fleet:} sections. */
final class SiteReader {
    private SiteReader() {}

    static List<Site> sites(YamlMap top, ReadContext ctx) {
        List<Site> sites = new ArrayList<>();
        List<YamlNode> items = top.list("sites");
        if (items.isEmpty()) {
            top.problems().add("sites", top.line(), "at least one site is required");
        }
        if (items.size() > Limits.MAX_SITES) {
            top.problems()
                    .add(
                            "sites",
                            items.get(0).line(),
                            "at most " + Limits.MAX_SITES + " sites are allowed, got " + items.size());
        }
        for (YamlNode item : items) {
            YamlMap m = item.asMap();
            if (m == null) {
                continue;
            }
            String name = m.name("name");
            if (name != null && ctx.siteNames.contains(name)) {
                m.optional("name").problem("duplicate site name '" + name + "'");
            }
            if (name != null) {
                ctx.siteNames.add(name);
            }
            GridRegion grid = ctx.lookup(m, "grid", ctx.catalog.grids(), "grid region");
            List<CapacityStep> capacity = capacity(m);
            CoolingType cooling =
                    m.has("cooling") ? ctx.lookup(m, "cooling", ctx.catalog.cooling(), "cooling type") : null;
            double defaultPue = cooling != null ? cooling.pue() : ctx.assumptions.number("site.defaultPue");
            double perKelvin = cooling != null && !Double.isNaN(cooling.overheadPerKelvin())
                    ? cooling.overheadPerKelvin()
                    : ctx.assumptions.fraction("site.overheadPerKelvin");
            double fixedShare = cooling != null && !Double.isNaN(cooling.overheadFixedShare())
                    ? cooling.overheadFixedShare()
                    : ctx.assumptions.fraction("site.overheadFixedShare");
            YamlNode pueNode = m.optional("pue");
            boolean monthly = pueNode != null && pueNode.isList();
            List<Double> pue = pue(m, defaultPue);
            boolean climate = grid != null && grid.hasClimate() && !pue.contains(Double.NaN);
            if (climate && !monthly) {
                pue = FacilityOverhead.monthlyPue(pue.get(0), grid.monthlyMeanCelsius(), perKelvin);
            }
            double designPue = climate
                    ? FacilityOverhead.designDayPue(pue, grid.monthlyMeanCelsius(), grid.designCelsius(), perKelvin)
                    : pue.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            if (m.has("designPue")) {
                // The facility's own design-day figure (from its engineering) replaces the climate estimate.
                double given = m.number("designPue", Limits.PUE, designPue);
                double hottest =
                        pue.stream().mapToDouble(Double::doubleValue).max().orElse(1);
                if (given < hottest) {
                    m.optional("designPue")
                            .problem(String.format(
                                    Locale.ROOT,
                                    "must be at least the site's highest monthly PUE (%.3f), got %.3f",
                                    hottest,
                                    given));
                }
                designPue = given;
            }
            double defaultWue = cooling != null
                    ? cooling.wueLitresPerKwh()
                    : ctx.assumptions.quantity("site.defaultWue", Dimension.WATER_INTENSITY);
            double wue = m.quantity("wue", Dimension.WATER_INTENSITY, Limits.WATER_INTENSITY, defaultWue);
            double price = m.quantity("electricityPrice", Dimension.ENERGY_PRICE, Limits.ENERGY_PRICE, Double.NaN);
            double renewable = m.fraction("renewableShare", Bound.UNIT_INTERVAL, 0);
            double utilisation = m.fraction(
                    "utilisation", Bound.UNIT_INTERVAL, ctx.assumptions.fraction("fleet.averageUtilisation"));
            var network = m.has("network") ? ctx.lookup(m, "network", ctx.catalog.networks(), "network") : null;
            m.finish();
            sites.add(new Site(
                    name,
                    grid,
                    capacity,
                    pue,
                    designPue,
                    fixedShare,
                    wue,
                    cooling == null ? "" : cooling.name(),
                    price,
                    renewable,
                    utilisation,
                    network == null ? null : network.name()));
        }
        return sites;
    }

    private static List<CapacityStep> capacity(YamlMap m) {
        YamlNode node = m.required("capacity");
        List<CapacityStep> steps = new ArrayList<>();
        if (node == null) {
            return steps;
        }
        if (!node.isList()) {
            steps.add(new CapacityStep(ScenarioDates.ALWAYS, node.asQuantity(Dimension.POWER, Limits.SITE_POWER)));
            return steps;
        }
        for (YamlNode item : node.items()) {
            YamlMap step = item.asMap();
            if (step == null) {
                continue;
            }
            LocalDate from = step.date("from");
            double power = step.quantity("power", Dimension.POWER, Limits.SITE_POWER);
            step.finish();
            if (from != null) {
                steps.add(new CapacityStep(from, power));
            }
        }
        if (steps.isEmpty()) {
            node.problem("needs at least one step such as {from: 2025-01, power: \"1 GW\"}");
        }
        steps.sort(Comparator.comparing(CapacityStep::from));
        return steps;
    }

    private static List<Double> pue(YamlMap m, double fallback) {
        YamlNode node = m.optional("pue");
        if (node == null) {
            return Collections.nCopies(12, fallback);
        }
        if (!node.isList()) {
            return Collections.nCopies(12, node.asCount(Limits.PUE));
        }
        List<YamlNode> items = node.items();
        if (items.size() != 12) {
            node.problem("a monthly PUE needs 12 values (January to December), got " + items.size());
            return Collections.nCopies(12, Double.NaN);
        }
        List<Double> monthly = new ArrayList<>();
        for (YamlNode item : items) {
            monthly.add(item.asCount(Limits.PUE));
        }
        return monthly;
    }

    static List<Deployment> fleet(YamlMap top, ReadContext ctx, Map<String, Double> priceOverrides) {
        List<Deployment> fleet = new ArrayList<>();
        for (YamlNode item : top.list("fleet")) {
            YamlMap m = item.asMap();
            if (m == null) {
                continue;
            }
            Accelerator accelerator = ctx.lookup(m, "accelerator", ctx.catalog.accelerators(), "accelerator");
            long count = m.integer("count", 1, Limits.MAX_DEPLOYMENT_COUNT);
            String site = ctx.siteRef(m, "site", true);
            LocalDate inService = m.date("inService", ctx.horizonStart);
            ServerSpec server = accelerator == null
                    ? null
                    : ctx.catalog.servers().find(accelerator.serverName()).orElse(null);
            if (accelerator != null && server == null) {
                m.optional("accelerator")
                        .problem("accelerator '" + accelerator.name() + "' names server '" + accelerator.serverName()
                                + "', which is not in the catalog");
            }
            int perServer = (int) m.integer(
                    "acceleratorsPerServer",
                    1,
                    Limits.MAX_PER_SERVER_OR_RACK,
                    server == null ? 8 : server.acceleratorsPerServer());
            int perRack = (int) m.integer(
                    "serversPerRack", 1, Limits.MAX_PER_SERVER_OR_RACK, server == null ? 4 : server.serversPerRack());
            double price = m.quantity(
                    "price",
                    Dimension.MONEY,
                    Limits.ACCELERATOR_PRICE,
                    accelerator == null
                            ? Double.NaN
                            : priceOverrides.getOrDefault(accelerator.name(), accelerator.priceUsd()));
            m.finish();
            fleet.add(new Deployment(accelerator, server, count, site, inService, perServer, perRack, price));
        }
        return fleet;
    }
}
