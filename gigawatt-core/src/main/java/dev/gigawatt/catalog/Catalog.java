package dev.gigawatt.catalog;

import dev.gigawatt.input.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Everything gigawatt knows about hardware, models, grids and cooling, each figure with its source.
 * The built-in catalog ships as YAML resources; users extend or override it with their own files
 * or a scenario's {@code catalog:} section, in the same format.
 */
public final class Catalog {
    private static final String[] BUILT_IN_FILES = {
        "accelerators.yaml",
        "servers.yaml",
        "models.yaml",
        "grids.yaml",
        "cooling.yaml",
        "reliability.yaml",
        "networks.yaml",
        "training.yaml",
        "serving.yaml",
        "failure-rates.yaml"
    };

    final Section<Accelerator> accelerators = new Section<>();
    final Section<ServerSpec> servers = new Section<>();
    final Section<ModelSpec> models = new Section<>();
    final Section<GridRegion> grids = new Section<>();
    final Section<CoolingType> cooling = new Section<>();
    final Section<NetworkSpec> networks = new Section<>();
    final Section<TrainingEfficiency> trainingEfficiency = new Section<>();
    final Section<FailureRateFactor> failureRates = new Section<>();
    final Section<ServingFamily> servingFamilies = new Section<>();
    ReliabilityData reliability;

    Catalog() {}

    /** The catalog that ships with gigawatt. */
    public static Catalog builtIn() {
        Catalog catalog = new Catalog();
        for (String file : BUILT_IN_FILES) {
            String resource = "/catalog/" + file;
            try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in catalog resource missing: " + resource);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                CatalogReader.read(YamlDocument.parse(text, "catalog/" + file), catalog);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalog;
    }

    /** A copy of this catalog extended (or overridden, entry by entry) by a user catalog file. */
    public Catalog with(Path file, String displayName) {
        Catalog copy = copy();
        CatalogReader.read(YamlDocument.read(file, displayName), copy);
        return copy;
    }

    /** A copy of this catalog, to be extended without changing the original. */
    public Catalog copy() {
        Catalog copy = new Catalog();
        copy.accelerators.putAll(accelerators);
        copy.servers.putAll(servers);
        copy.models.putAll(models);
        copy.grids.putAll(grids);
        copy.cooling.putAll(cooling);
        copy.networks.putAll(networks);
        copy.trainingEfficiency.putAll(trainingEfficiency);
        copy.failureRates.putAll(failureRates);
        copy.servingFamilies.putAll(servingFamilies);
        copy.reliability = reliability;
        return copy;
    }

    public Section<Accelerator> accelerators() {
        return accelerators;
    }

    public Section<ServerSpec> servers() {
        return servers;
    }

    public Section<ModelSpec> models() {
        return models;
    }

    public Section<GridRegion> grids() {
        return grids;
    }

    public Section<CoolingType> cooling() {
        return cooling;
    }

    /** Training networks (scale-up and scale-out tiers). */
    public Section<NetworkSpec> networks() {
        return networks;
    }

    /** Training efficiencies per accelerator family. */
    public Section<TrainingEfficiency> trainingEfficiency() {
        return trainingEfficiency;
    }

    /** The training efficiencies of {@code accelerator}'s family, if the catalog has them. */
    public java.util.Optional<TrainingEfficiency> trainingEfficiency(Accelerator accelerator) {
        for (TrainingEfficiency e : trainingEfficiency.all()) {
            for (String name : e.accelerators()) {
                if (name.equalsIgnoreCase(accelerator.name())) {
                    return java.util.Optional.of(e);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Serving efficiencies per accelerator family. */
    public Section<ServingFamily> servingFamilies() {
        return servingFamilies;
    }

    /** The serving efficiencies of {@code accelerator}'s family, if the catalog has them. */
    public java.util.Optional<ServingFamily> servingFamily(Accelerator accelerator) {
        for (ServingFamily f : servingFamilies.all()) {
            for (String name : f.accelerators()) {
                if (name.equalsIgnoreCase(accelerator.name())) {
                    return java.util.Optional.of(f);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Failure rate of {@code accelerator}'s generation over the reference observation's, 1 when unknown. */
    public double failureRateFactor(Accelerator accelerator) {
        for (FailureRateFactor f : failureRates.all()) {
            for (String name : f.accelerators()) {
                if (name.equalsIgnoreCase(accelerator.name())) {
                    return f.factor();
                }
            }
        }
        return 1.0;
    }

    /** Reference failure observations; the source of default failure rates. */
    public ReliabilityData reliability() {
        return reliability;
    }
}
