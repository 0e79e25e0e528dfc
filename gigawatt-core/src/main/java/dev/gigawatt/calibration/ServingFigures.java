package dev.gigawatt.calibration;

import java.util.Map;
import java.util.TreeMap;

/**
 * The free figures of the serving model: a GEMM ceiling per accelerator family, and the GEMM half-tokens
 * and HBM share shared by the families calibrated together.
 *
 * @param gemm family name to the share of dense peak GEMMs with many tokens reach, 0..1
 * @param gemmHalfTokens tokens per GEMM at half of the ceiling
 * @param memory share of peak HBM bandwidth decode reads reach, 0..1
 */
public record ServingFigures(Map<String, Double> gemm, double gemmHalfTokens, double memory) {
    public ServingFigures {
        gemm = new TreeMap<>(gemm);
    }
}
