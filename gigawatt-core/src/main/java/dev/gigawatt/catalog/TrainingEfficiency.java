package dev.gigawatt.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one accelerator family achieves of its peaks in training kernels: the step-time model's
 * efficiencies, each sourced or calibrated.
 *
 * @param accelerators names of the catalog accelerators in the family
 * @param network the network the family's accelerators are deployed with unless a site says otherwise
 * @param gemmEfficiency share of the dense peak a large GEMM reaches, per precision
 * @param gemmHalfDimension matrix dimension at which a GEMM reaches half the ceiling along that
 *     dimension (tile and wave quantisation); sets how far small GEMMs fall below the ceiling
 * @param attentionEfficiency share of the 16-bit peak a fused (flash) attention kernel reaches
 * @param memoryEfficiency share of HBM bandwidth streaming kernels reach
 * @param communicationEfficiency share of link bandwidth collectives reach (bus bandwidth over link rate)
 */
public record TrainingEfficiency(
        String name,
        List<String> aliases,
        List<String> accelerators,
        String network,
        Map<Precision, Double> gemmEfficiency,
        double gemmHalfDimension,
        double attentionEfficiency,
        double memoryEfficiency,
        double communicationEfficiency,
        Provenance provenance)
        implements CatalogEntry {
    public TrainingEfficiency {
        aliases = List.copyOf(aliases);
        accelerators = List.copyOf(accelerators);
        gemmEfficiency = gemmEfficiency.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(gemmEfficiency));
    }

    /** GEMM ceiling at {@code precision}; formats without their own figure use the 16-bit one. */
    public double gemm(Precision precision) {
        Double value = gemmEfficiency.get(precision);
        if (value == null) {
            value = gemmEfficiency.getOrDefault(Precision.BF16, gemmEfficiency.getOrDefault(Precision.FP16, 0.0));
        }
        return value;
    }

    /** A copy with other fitted figures; the sources stay. */
    public TrainingEfficiency with(
            Map<Precision, Double> gemm, double halfDimension, double communication, Provenance why) {
        return new TrainingEfficiency(
                name,
                aliases,
                accelerators,
                network,
                gemm,
                halfDimension,
                attentionEfficiency,
                memoryEfficiency,
                communication,
                why);
    }
}
