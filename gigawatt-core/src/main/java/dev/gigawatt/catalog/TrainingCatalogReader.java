package dev.gigawatt.catalog;

import dev.gigawatt.input.Bound;
import dev.gigawatt.input.YamlMap;
import dev.gigawatt.input.YamlNode;
import dev.gigawatt.units.Dimension;
import java.util.EnumMap;
import java.util.Map;

/** Reads the catalog's training sections: {@code networks:}, {@code trainingEfficiency:} and {@code failureRates:}. */
final class TrainingCatalogReader {
    private TrainingCatalogReader() {}

    static NetworkSpec network(YamlNode node) {
        return CatalogReader.entry(node, m -> {
            String name = m.string("name");
            var aliases = m.strings("aliases");
            YamlMap up = m.map("scaleUp");
            YamlMap out = m.map("scaleOut");
            if (up == null) {
                m.required("scaleUp");
            }
            if (out == null) {
                m.required("scaleOut");
            }
            if (up == null || out == null) {
                return null;
            }
            String upName = up.string("name");
            int domain = (int) up.integer("accelerators", 1, 1_000_000);
            double upBandwidth = up.quantity("bandwidth", Dimension.BANDWIDTH, Bound.POSITIVE);
            double upLatency = up.quantity("latency", Dimension.DURATION, Bound.NON_NEGATIVE);
            up.finish();
            String outName = out.string("name");
            double outBandwidth = out.quantity("bandwidth", Dimension.BANDWIDTH, Bound.POSITIVE);
            double outLatency = out.quantity("latency", Dimension.DURATION, Bound.NON_NEGATIVE);
            long pod = out.integer("podAccelerators", 1, 100_000_000L, 100_000_000L);
            double oversubscription = out.number("oversubscription", Bound.AT_LEAST_ONE, 1.0);
            out.finish();
            return provenance -> new NetworkSpec(
                    name,
                    aliases,
                    upName,
                    domain,
                    upBandwidth,
                    upLatency,
                    outName,
                    outBandwidth,
                    outLatency,
                    pod,
                    oversubscription,
                    provenance);
        });
    }

    static TrainingEfficiency efficiency(YamlNode node) {
        return CatalogReader.entry(node, m -> {
            String name = m.string("name");
            var aliases = m.strings("aliases");
            var accelerators = m.strings("accelerators");
            String network = m.string("network");
            Map<Precision, Double> gemm = new EnumMap<>(Precision.class);
            YamlMap g = m.map("gemm");
            if (g == null) {
                m.required("gemm");
            } else {
                for (Precision p : Precision.values()) {
                    double value = g.fraction(p.key(), Bound.POSITIVE_UNIT_INTERVAL, -1);
                    if (value > 0) {
                        gemm.put(p, value);
                    }
                }
                g.finish();
            }
            double halfDimension = m.number("gemmHalfDimension", Bound.NON_NEGATIVE);
            double attention = m.fraction("attention", Bound.POSITIVE_UNIT_INTERVAL);
            double memory = m.fraction("memory", Bound.POSITIVE_UNIT_INTERVAL);
            double communication = m.fraction("communication", Bound.POSITIVE_UNIT_INTERVAL);
            return provenance -> new TrainingEfficiency(
                    name,
                    aliases,
                    accelerators,
                    network,
                    gemm,
                    halfDimension,
                    attention,
                    memory,
                    communication,
                    provenance);
        });
    }

    static FailureRateFactor failureRate(YamlNode node) {
        return CatalogReader.entry(node, m -> {
            String name = m.string("name");
            var accelerators = m.strings("accelerators");
            double factor = m.number("factor", Bound.POSITIVE);
            return provenance -> new FailureRateFactor(name, accelerators, factor, provenance);
        });
    }
}
