package dev.gigawatt.cli;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.CatalogEntry;
import dev.gigawatt.catalog.CoolingType;
import dev.gigawatt.catalog.GridRegion;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.ServerSpec;
import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import java.util.ArrayList;
import java.util.List;

/** Every figure of one catalog entry, with its unit and whether it is an estimate. */
final class CatalogDetails {
    private final CatalogEntry entry;
    private final TextTable table = new TextTable("field", "value", "").leftAlign(1, 2);

    private CatalogDetails(CatalogEntry entry) {
        this.entry = entry;
    }

    /** The entry's figures as a table; estimated figures are marked. */
    static String render(CatalogEntry entry) {
        CatalogDetails d = new CatalogDetails(entry);
        d.fill();
        return d.table.render();
    }

    private void row(String field, String value) {
        table.row(field, value, entry.provenance().isEstimate(field) ? "estimate" : "");
    }

    private void fill() {
        if (entry instanceof Accelerator a) {
            row("vendor", a.vendor());
            row("kind", a.kind());
            row("year", String.valueOf(a.year()));
            for (Precision p : Precision.values()) {
                if (a.supports(p)) {
                    row("peak." + p.key(), Format.integer(a.peakFlops(p) / 1e12) + " TFLOPS (dense)");
                }
            }
            row("memory", Format.number(a.memoryBytes() / 1e9, 0) + " GB");
            row("memoryBandwidth", Format.number(a.memoryBandwidthBytesPerSecond() / 1e12, 2) + " TB/s");
            row("tdp", Format.integer(a.tdpWatts()) + " W");
            row("idlePower", Format.integer(a.idlePowerWatts()) + " W");
            if (!a.interconnectName().isEmpty()) {
                row(
                        "interconnect",
                        a.interconnectName() + ", " + Format.integer(a.interconnectBandwidthBytesPerSecond() / 1e9)
                                + " GB/s");
            }
            row("server", a.serverName());
            row("price", Format.usd(a.priceUsd()));
            row(
                    "embodiedCarbon",
                    Format.integer(a.embodiedCo2eKgLow()) + " to " + Format.integer(a.embodiedCo2eKgHigh())
                            + " kgCO2e");
        } else if (entry instanceof ModelSpec m) {
            row("family", m.family());
            row("architecture", m.architecture());
            row("parameters", Format.compact(m.parameters()));
            row("activeParameters", Format.compact(m.activeParameters()));
            row("layers", String.valueOf(m.layers()));
            row("hiddenSize", String.valueOf(m.hiddenSize()));
            row("heads", String.valueOf(m.heads()));
            row("kvHeads", String.valueOf(m.kvHeads()));
            row("headDim", String.valueOf(m.headDim()));
            row("vocabulary", Format.integer(m.vocabulary()));
            row("contextLength", Format.integer(m.contextLength()));
            row("kvCache (bf16)", Format.integer(m.kvCacheBytesPerToken(2) / 1024) + " KiB per token");
            if (m.trainingTokens() > 0) {
                row("trainingTokens", Format.compact(m.trainingTokens()));
            }
        } else if (entry instanceof GridRegion g) {
            row("description", g.description());
            row("carbonIntensity", Format.integer(g.carbonIntensityGramsPerKwh()) + " gCO2e/kWh");
            row(
                    "residualMixIntensity",
                    g.hasResidualMix()
                            ? Format.integer(g.residualMixGramsPerKwh()) + " gCO2e/kWh"
                            : "none (market-based falls back to carbonIntensity)");
            row("waterIntensity", Format.number(g.waterIntensityLitresPerKwh(), 2) + " L/kWh");
            row("electricityPrice", "$" + Format.number(g.electricityPriceUsdPerMwh(), 1) + "/MWh");
            row("solarShare", Format.percent(g.solarShare()));
            row("latitude", Format.number(g.latitudeDegrees(), 1) + "° N");
            row("utcOffset", (g.utcOffsetHours() >= 0 ? "+" : "") + Format.number(g.utcOffsetHours(), 0) + " h");
            if (g.hasClimate()) {
                List<String> months = new ArrayList<>();
                g.monthlyMeanCelsius().forEach(t -> months.add(Format.number(t, 1)));
                row("climate.monthlyMeanCelsius", String.join(" ", months) + " °C (January to December)");
                row("climate.designCelsius", Format.number(g.designCelsius(), 1) + " °C");
            } else {
                row("climate", "none (a site's PUE is the same every month)");
            }
        } else if (entry instanceof CoolingType c) {
            row("description", c.description());
            row("pue", Format.number(c.pue(), 2));
            row("wue", Format.number(c.wueLitresPerKwh(), 2) + " L/kWh");
            row(
                    "overheadFixedShare",
                    Double.isNaN(c.overheadFixedShare())
                            ? "assumption site.overheadFixedShare"
                            : Format.percent(c.overheadFixedShare()));
            row(
                    "overheadPerKelvin",
                    Double.isNaN(c.overheadPerKelvin())
                            ? "assumption site.overheadPerKelvin"
                            : Format.percent(c.overheadPerKelvin()) + " per K");
        } else if (entry instanceof ServerSpec s) {
            row("accelerator", s.accelerator());
            row("acceleratorsPerServer", String.valueOf(s.acceleratorsPerServer()));
            row("serversPerRack", String.valueOf(s.serversPerRack()));
            row("hostPower", Format.integer(s.hostPowerWatts()) + " W");
            row("hostIdlePower", Format.integer(s.hostIdlePowerWatts()) + " W");
            row("acceleratorPriceCovers", s.priceCoversServer() ? "server" : "accelerator");
            if (!Double.isNaN(s.systemPriceUsd())) {
                row("systemPrice", Format.usd(s.systemPriceUsd()));
            }
        }
    }
}
