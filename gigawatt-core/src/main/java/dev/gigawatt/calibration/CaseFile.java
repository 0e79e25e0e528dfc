package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.CatalogReader;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A calibration set's cases file: how each published row it expresses is written as a model input
 * ({@code cases}), and the rows it cannot express with why ({@code notExpressed}).
 *
 * @param cases the cases, in file order
 * @param notExpressed row id to the reason the model cannot express it, in file order
 */
record CaseFile<T>(List<T> cases, Map<String, String> notExpressed) {
    /** Reads the class-path resource {@code resource}, each case with {@code readCase}. */
    static <T> CaseFile<T> read(String resource, Function<YamlMap, T> readCase) {
        YamlNode root = YamlDocument.parse(text(resource), resource.substring(1));
        YamlMap top = root.asMap();
        List<T> cases = new ArrayList<>();
        for (YamlNode n : top.list("cases")) {
            cases.add(readCase.apply(n.asMap()));
        }
        Map<String, String> not = new LinkedHashMap<>();
        for (YamlNode n : top.list("notExpressed")) {
            YamlMap m = n.asMap();
            not.put(m.string("id"), m.string("why"));
            m.finish();
        }
        top.finish();
        root.problems().throwIfAny();
        return new CaseFile<>(List.copyOf(cases), Collections.unmodifiableMap(not));
    }

    /**
     * {@code base} extended by the models the calibration runs use and the catalog does not ship
     * ({@code calibration/models.yaml}).
     */
    static Catalog withCalibrationModels(Catalog base) {
        Catalog.Builder extended = base.toBuilder();
        CatalogReader.read(YamlDocument.parse(text("/calibration/models.yaml"), "calibration/models.yaml"), extended);
        return extended.build();
    }

    /** The published row that case {@code m} names by its {@code id}; a case without its row is a broken build. */
    static PublishedRow row(YamlMap m, Map<String, PublishedRow> rows, String csv) {
        String id = m.string("id");
        PublishedRow row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException(m.path() + ": no row " + id + " in " + csv);
        }
        return row;
    }

    /** The text of a calibration resource on the class path. */
    static String text(String resource) {
        try (InputStream in = CaseFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calibration resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
