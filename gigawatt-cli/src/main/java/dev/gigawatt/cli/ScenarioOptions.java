package dev.gigawatt.cli;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and user catalogs that every scenario-reading command takes. */
final class ScenarioOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML); - reads standard input.")
    Path file;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description = "Extra catalog file (YAML); may be repeated. Entries override built-ins of the same name.")
    List<Path> catalogs = new ArrayList<>();

    /** The built-in catalog extended by every {@code --catalog} file. */
    Catalog catalog() {
        Catalog catalog = Catalog.builtIn();
        for (Path c : catalogs) {
            catalog = catalog.with(c, c.toString());
        }
        return catalog;
    }

    /** The scenario file's text as {@link #read} read it: what a recorded run stores. */
    String text;

    /** Reads (once) and validates the scenario; throws with every problem found. */
    Scenario read() {
        text = Inputs.read(file);
        return ScenarioReader.parse(text, Inputs.name(file), catalog());
    }
}
