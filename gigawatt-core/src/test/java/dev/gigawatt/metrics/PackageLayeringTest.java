package dev.gigawatt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundary between gigawatt's packages, in every module: each package sits in one layer and imports
 * only packages of lower layers, so no package imports upward or in a circle. The engines (planner,
 * simulator, sweeps) and their KPIs never reach into the output package, the model never into the
 * engines, and the front ends (web, CLI) sit on top. A new package fails here until it is given a layer.
 */
class PackageLayeringTest {
    private static final Path PROJECT = Path.of("..");

    /** Lowest first; packages in one layer do not import each other either. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("units"),
            List.of("input"),
            List.of("catalog"),
            List.of("model"),
            List.of("scenario"),
            List.of("plan"),
            List.of("sim"),
            List.of("metrics"),
            List.of("sweep"),
            List.of("report"),
            List.of("calibration", "optimize", "results", "spark", "bench", "fixtures"),
            List.of("web"),
            List.of("cli"));

    private static final Pattern PACKAGE = Pattern.compile("^package dev\\.gigawatt\\.(\\w+);", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?dev\\.gigawatt\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern INLINE = Pattern.compile("(?<![\\w.])dev\\.gigawatt\\.(\\w+)\\.[A-Z]");

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    /** Package to the gigawatt packages its main sources name (imports and inline qualified names). */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(PROJECT)) {
            modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .forEach(roots::add);
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String text;
                    try {
                        text = Files.readString(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    Matcher p = PACKAGE.matcher(text);
                    if (!p.find()) {
                        return; // module-info or a file outside dev.gigawatt
                    }
                    Set<String> to = graph.computeIfAbsent(p.group(1), k -> new TreeSet<>());
                    for (Pattern pattern : List.of(IMPORT, INLINE)) {
                        Matcher m = pattern.matcher(text);
                        while (m.find()) {
                            if (!m.group(1).equals(p.group(1))) {
                                to.add(m.group(1));
                            }
                        }
                    }
                });
            }
        }
        return graph;
    }

    @Test
    void everyPackage_importsOnlyLowerLayers() throws IOException {
        Map<String, Set<String>> graph = imports();
        assertThat(graph).as("packages found").containsKeys("units", "sim", "report", "results", "cli");
        List<String> unplaced = new ArrayList<>();
        List<String> upward = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : graph.entrySet()) {
            if (layer(e.getKey()) < 0) {
                unplaced.add(e.getKey());
                continue;
            }
            for (String to : e.getValue()) {
                if (layer(to) >= layer(e.getKey())) {
                    upward.add(e.getKey() + " -> " + to);
                }
            }
        }
        assertThat(unplaced).as("packages without a layer").isEmpty();
        assertThat(upward).as("imports of the same or a higher layer").isEmpty();
    }

    @Test
    void layers_catchAnUpwardImport() {
        assertThat(layer("sim")).isLessThan(layer("report"));
        assertThat(layer("model")).isLessThan(layer("plan"));
        assertThat(layer("sweep")).isLessThan(layer("report"));
        assertThat(layer("results")).isLessThan(layer("web"));
        assertThat(layer("nonesuch")).isNegative();
    }
}
