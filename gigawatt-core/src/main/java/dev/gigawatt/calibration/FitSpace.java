package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.Provenance;
import dev.gigawatt.catalog.TrainingEfficiency;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The free parameters of the training fit and their mapping to catalog efficiencies: per accelerator
 * family its 16-bit GEMM ceiling; shared by all families the 8-bit and 4-bit ceilings as ratios to
 * it, the GEMM curve's half-efficiency dimension and the communication efficiency. Fractions are fitted
 * as logits and the dimension as a logarithm, so every value stays in range. The ceilings and the
 * half dimension trade off along a shallow ridge (most training GEMMs are 2K-16K wide), so refits from
 * different starts agree in their predictions more closely than in these figures.
 */
final class FitSpace {
    private static final double PRIOR_WEIGHT = 1e-3;

    private final Catalog catalog;
    private final List<String> families;
    private final double[] origin;

    private FitSpace(Catalog catalog, List<String> families) {
        this.catalog = catalog;
        this.families = families;
        this.origin = encode(catalogEfficiencies(catalog));
    }

    /** The space of the families that {@code cases} run on. */
    static FitSpace of(Catalog catalog, List<TrainingCase> cases) {
        TreeSet<String> names = new TreeSet<>();
        for (TrainingCase c : cases) {
            catalog.trainingEfficiency(c.accelerator()).ifPresent(e -> names.add(e.name()));
        }
        return new FitSpace(catalog, new ArrayList<>(names));
    }

    /** Every family's efficiencies as the catalog has them, by family name. */
    static Map<String, TrainingEfficiency> catalogEfficiencies(Catalog catalog) {
        Map<String, TrainingEfficiency> out = new LinkedHashMap<>();
        for (TrainingEfficiency e : catalog.trainingEfficiency().all()) {
            out.put(e.name(), e);
        }
        return out;
    }

    /** The families fitted, in a fixed order. */
    List<String> families() {
        return families;
    }

    double[] start() {
        return origin.clone();
    }

    /** The parameter vector of {@code efficiencies}. */
    double[] encode(Map<String, TrainingEfficiency> efficiencies) {
        int n = families.size();
        double[] x = new double[n + 4];
        double fp8 = 0.8;
        double fp4 = 0.7;
        TrainingEfficiency any = null;
        for (int i = 0; i < n; i++) {
            TrainingEfficiency e = efficiencies.get(families.get(i));
            x[i] = logit(e.gemm(Precision.BF16));
            if (e.gemmEfficiency().containsKey(Precision.FP8)) {
                fp8 = e.gemm(Precision.FP8) / e.gemm(Precision.BF16);
            }
            if (e.gemmEfficiency().containsKey(Precision.FP4)) {
                fp4 = e.gemm(Precision.FP4) / e.gemm(Precision.BF16);
            }
            any = e;
        }
        x[n] = logit(fp8);
        x[n + 1] = logit(fp4);
        x[n + 2] = Math.log(any == null ? 256 : Math.max(1, any.gemmHalfDimension()));
        x[n + 3] = logit(any == null ? 0.7 : any.communicationEfficiency());
        return x;
    }

    /** The efficiencies of the parameter vector {@code x}; families not fitted stay as in the catalog. */
    Map<String, TrainingEfficiency> efficiencies(double[] x) {
        Map<String, TrainingEfficiency> out = catalogEfficiencies(catalog);
        int n = families.size();
        double fp8 = sigmoid(x[n]);
        double fp4 = sigmoid(x[n + 1]);
        double halfDimension = Math.exp(x[n + 2]);
        double communication = sigmoid(x[n + 3]);
        for (int i = 0; i < n; i++) {
            TrainingEfficiency e = out.get(families.get(i));
            double bf16 = sigmoid(x[i]);
            Map<Precision, Double> gemm = new EnumMap<>(Precision.class);
            gemm.put(Precision.BF16, bf16);
            gemm.put(Precision.FP16, bf16);
            if (e.gemmEfficiency().containsKey(Precision.FP8)) {
                gemm.put(Precision.FP8, bf16 * fp8);
            }
            if (e.gemmEfficiency().containsKey(Precision.FP4)) {
                gemm.put(Precision.FP4, bf16 * fp4);
            }
            out.put(e.name(), e.with(gemm, halfDimension, communication, e.provenance()));
        }
        return out;
    }

    /** A weak pull toward the catalog's values, so a parameter no case informs stays put. */
    double prior(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - origin[i]) * (x[i] - origin[i]);
        }
        return PRIOR_WEIGHT * sum;
    }

    /** Provenance for fitted figures. */
    static Provenance calibrated(String rows) {
        return new Provenance("calibrated on " + rows + " of the calibration set", Map.of());
    }

    private static double logit(double p) {
        double q = Math.min(0.999, Math.max(0.001, p));
        return Math.log(q / (1 - q));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
