package dev.gigawatt.cli;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.CatalogEntry;
import dev.gigawatt.catalog.CoolingType;
import dev.gigawatt.catalog.GridRegion;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.Provenance;
import dev.gigawatt.catalog.Section;
import dev.gigawatt.catalog.ServerSpec;
import dev.gigawatt.input.Suggestions;
import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gigawatt catalog [KIND] [NAME]}: lists and shows built-in figures with their sources. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "List catalog entries, or show one with the source of every figure.")
final class CatalogCommand implements Callable<Integer> {
    /** The kinds of entry the catalog holds. */
    enum Kind {
        accelerators,
        servers,
        models,
        grids,
        cooling,
        assumptions;

        /** The name of one entry of this kind, for messages. */
        String singular() {
            return switch (this) {
                case accelerators -> "accelerator";
                case servers -> "server";
                case models -> "model";
                case grids -> "grid region";
                case cooling -> "cooling type";
                case assumptions -> "assumption";
            };
        }
    }

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "KIND",
            description = "One of: ${COMPLETION-CANDIDATES}. Without it, a summary of every kind.")
    Kind kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "An entry to show in full.")
    String name;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Extra catalog file (YAML); may be repeated.")
    List<Path> catalogs = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.builtIn();
        for (Path c : catalogs) {
            catalog = catalog.with(c, c.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (kind == null) {
            out.printf(
                    "accelerators  %d   servers  %d   models  %d   grids  %d   cooling  %d   assumptions  %d%n",
                    catalog.accelerators().all().size(),
                    catalog.servers().all().size(),
                    catalog.models().all().size(),
                    catalog.grids().all().size(),
                    catalog.cooling().all().size(),
                    Assumptions.builtIn().all().size());
            out.println(
                    "Run 'gigawatt catalog KIND' to list one kind, 'gigawatt catalog KIND NAME' for an entry and its sources.");
            return 0;
        }
        if (kind == Kind.assumptions) {
            return assumptions(out);
        }
        Section<? extends CatalogEntry> section =
                switch (kind) {
                    case accelerators -> catalog.accelerators();
                    case servers -> catalog.servers();
                    case models -> catalog.models();
                    case grids -> catalog.grids();
                    case cooling -> catalog.cooling();
                    case assumptions -> throw new IllegalStateException();
                };
        if (name == null) {
            out.print(list(section).render());
            return 0;
        }
        CatalogEntry entry = section.find(name)
                .orElseThrow(() -> new UserException(
                        "no " + kind.singular() + " named '" + name + "' in the catalog"
                                + Suggestions.hint(name, section.names()),
                        GigawattCli.EXIT_BAD_INPUT));
        out.print(show(entry));
        return 0;
    }

    private int assumptions(PrintWriter out) {
        TextTable t = new TextTable("name", "value", "estimate", "source").leftAlign(1, 2, 3);
        for (Assumptions.Entry e : Assumptions.builtIn().all()) {
            if (name == null || e.name().equalsIgnoreCase(name)) {
                t.row(e.name(), e.text(), e.estimate() ? "yes" : "", e.source());
            }
        }
        if (t.isEmpty()) {
            throw new UserException("no assumption named '" + name + "'", GigawattCli.EXIT_BAD_INPUT);
        }
        out.print(t.render());
        return 0;
    }

    private static TextTable list(Section<? extends CatalogEntry> section) {
        TextTable t = new TextTable("name", "summary").leftAlign(1);
        for (CatalogEntry e : section.all()) {
            t.row(e.name(), summary(e));
        }
        return t;
    }

    private static String summary(CatalogEntry e) {
        if (e instanceof Accelerator a) {
            return String.format(
                    Locale.ROOT,
                    "%s %s, %s TFLOPS bf16, %s GB at %s TB/s, %s W, %s",
                    a.vendor(),
                    a.kind(),
                    Format.integer(a.peakFlops(Precision.BF16) / 1e12),
                    Format.integer(a.memoryBytes() / 1e9),
                    Format.number(a.memoryBandwidthBytesPerSecond() / 1e12, 2),
                    Format.integer(a.tdpWatts()),
                    Format.usd(a.priceUsd()));
        }
        if (e instanceof ModelSpec m) {
            return String.format(
                    Locale.ROOT,
                    "%s, %s parameters (%s active), %d layers, hidden %d, %d/%d heads",
                    m.architecture(),
                    Format.compact(m.parameters()),
                    Format.compact(m.activeParameters()),
                    m.layers(),
                    m.hiddenSize(),
                    m.heads(),
                    m.kvHeads());
        }
        if (e instanceof GridRegion g) {
            return String.format(
                    Locale.ROOT,
                    "%s: %s gCO2e/kWh, %s L/kWh, $%s/MWh",
                    g.description(),
                    Format.integer(g.carbonIntensityGramsPerKwh()),
                    Format.number(g.waterIntensityLitresPerKwh(), 2),
                    Format.integer(g.electricityPriceUsdPerMwh()));
        }
        if (e instanceof CoolingType c) {
            return String.format(
                    Locale.ROOT, "PUE %.2f, WUE %.2f L/kWh: %s", c.pue(), c.wueLitresPerKwh(), c.description());
        }
        if (e instanceof ServerSpec s) {
            return String.format(
                    Locale.ROOT,
                    "%d x %s per server, %d servers per rack, host %s W",
                    s.acceleratorsPerServer(),
                    s.accelerator(),
                    s.serversPerRack(),
                    Format.integer(s.hostPowerWatts()));
        }
        return "";
    }

    private static String show(CatalogEntry e) {
        StringBuilder out = new StringBuilder();
        out.append(e.name());
        if (!e.aliases().isEmpty()) {
            out.append("  (also: ").append(String.join(", ", e.aliases())).append(')');
        }
        out.append("\n\n").append(CatalogDetails.render(e)).append('\n');
        Provenance p = e.provenance();
        out.append("source: ").append(p.source()).append('\n');
        if (!p.estimates().isEmpty()) {
            out.append("estimates:\n");
            for (Map.Entry<String, String> est : p.sortedEstimates().entrySet()) {
                out.append("  ")
                        .append(est.getKey())
                        .append(": ")
                        .append(est.getValue())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
