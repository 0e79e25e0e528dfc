package dev.gigawatt.catalog;

import dev.gigawatt.input.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything gigawatt knows about hardware, models, grids and cooling, each figure with its source.
 * The built-in catalog ships as YAML resources; users extend or override it with their own files
 * or a scenario's {@code catalog:} section, in the same format. A catalog never changes: extending one
 * makes a new catalog ({@link #with}, {@link #toBuilder}), so one can be shared by every scenario and thread.
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

    private final Section<Accelerator> accelerators;
    private final Section<ServerSpec> servers;
    private final Section<ModelSpec> models;
    private final Section<GridRegion> grids;
    private final Section<CoolingType> cooling;
    private final Section<NetworkSpec> networks;
    private final Section<TrainingEfficiency> trainingEfficiency;
    private final Section<FailureRateFactor> failureRates;
    private final Section<ServingFamily> servingFamilies;
    private final ReliabilityData reliability;

    private Catalog(Builder b) {
        accelerators = b.accelerators.build();
        servers = b.servers.build();
        models = b.models.build();
        grids = b.grids.build();
        cooling = b.cooling.build();
        networks = b.networks.build();
        trainingEfficiency = b.trainingEfficiency.build();
        failureRates = b.failureRates.build();
        servingFamilies = b.servingFamilies.build();
        reliability = b.reliability;
    }

    /** A builder of an empty catalog. */
    public static Builder builder() {
        return new Builder();
    }

    /** The built-in catalog, read on first use (the holder idiom: the JVM makes it once, for every thread). */
    private static final class BuiltIn {
        static final Catalog CATALOG = readBuiltIn();

        private BuiltIn() {}
    }

    /** The catalog that ships with gigawatt, read once per process (it never changes) on the first call. */
    public static Catalog builtIn() {
        return BuiltIn.CATALOG;
    }

    private static Catalog readBuiltIn() {
        Builder builder = builder();
        for (String file : BUILT_IN_FILES) {
            String resource = "/catalog/" + file;
            try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in catalog resource missing: " + resource);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                CatalogReader.read(YamlDocument.parse(text, "catalog/" + file), builder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder.build();
    }

    /** A new catalog: this one extended (or overridden, entry by entry) by a user catalog file. */
    public Catalog with(Path file, String displayName) {
        Builder builder = toBuilder();
        CatalogReader.read(YamlDocument.read(file, displayName), builder);
        return builder.build();
    }

    /** A builder holding this catalog's entries, to make a new catalog from without changing this one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.accelerators = accelerators.toBuilder();
        b.servers = servers.toBuilder();
        b.models = models.toBuilder();
        b.grids = grids.toBuilder();
        b.cooling = cooling.toBuilder();
        b.networks = networks.toBuilder();
        b.trainingEfficiency = trainingEfficiency.toBuilder();
        b.failureRates = failureRates.toBuilder();
        b.servingFamilies = servingFamilies.toBuilder();
        b.reliability = reliability;
        return b;
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
    public Optional<TrainingEfficiency> trainingEfficiency(Accelerator accelerator) {
        for (TrainingEfficiency e : trainingEfficiency.all()) {
            for (String name : e.accelerators()) {
                if (name.equalsIgnoreCase(accelerator.name())) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** Serving efficiencies per accelerator family. */
    public Section<ServingFamily> servingFamilies() {
        return servingFamilies;
    }

    /** The serving efficiencies of {@code accelerator}'s family, if the catalog has them. */
    public Optional<ServingFamily> servingFamily(Accelerator accelerator) {
        for (ServingFamily f : servingFamilies.all()) {
            for (String name : f.accelerators()) {
                if (name.equalsIgnoreCase(accelerator.name())) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
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

    /**
     * Collects catalog entries for a new {@link Catalog}; an entry whose name (ignoring case) is already
     * present replaces the earlier one. The catalog reader fills one per file; tests build small catalogs.
     */
    public static final class Builder {
        private Section.Builder<Accelerator> accelerators = new Section.Builder<>();
        private Section.Builder<ServerSpec> servers = new Section.Builder<>();
        private Section.Builder<ModelSpec> models = new Section.Builder<>();
        private Section.Builder<GridRegion> grids = new Section.Builder<>();
        private Section.Builder<CoolingType> cooling = new Section.Builder<>();
        private Section.Builder<NetworkSpec> networks = new Section.Builder<>();
        private Section.Builder<TrainingEfficiency> trainingEfficiency = new Section.Builder<>();
        private Section.Builder<FailureRateFactor> failureRates = new Section.Builder<>();
        private Section.Builder<ServingFamily> servingFamilies = new Section.Builder<>();
        private ReliabilityData reliability;

        private Builder() {}

        /** Adds or replaces an accelerator. */
        public Builder accelerator(Accelerator entry) {
            accelerators.put(entry);
            return this;
        }

        /** Adds or replaces a server. */
        public Builder server(ServerSpec entry) {
            servers.put(entry);
            return this;
        }

        /** Adds or replaces a model. */
        public Builder model(ModelSpec entry) {
            models.put(entry);
            return this;
        }

        /** Adds or replaces a grid region. */
        public Builder grid(GridRegion entry) {
            grids.put(entry);
            return this;
        }

        /** Adds or replaces a cooling type. */
        public Builder cooling(CoolingType entry) {
            cooling.put(entry);
            return this;
        }

        /** Adds or replaces a training network. */
        public Builder network(NetworkSpec entry) {
            networks.put(entry);
            return this;
        }

        /** Adds or replaces the training efficiencies of an accelerator family. */
        public Builder trainingEfficiency(TrainingEfficiency entry) {
            trainingEfficiency.put(entry);
            return this;
        }

        /** Adds or replaces a failure-rate factor. */
        public Builder failureRate(FailureRateFactor entry) {
            failureRates.put(entry);
            return this;
        }

        /** Adds or replaces the serving efficiencies of an accelerator family. */
        public Builder servingFamily(ServingFamily entry) {
            servingFamilies.put(entry);
            return this;
        }

        /** Sets the reference failure observations. */
        public Builder reliability(ReliabilityData data) {
            reliability = data;
            return this;
        }

        /** The catalog of the entries given so far; the builder can go on to make another. */
        public Catalog build() {
            return new Catalog(this);
        }
    }
}
