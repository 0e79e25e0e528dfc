package dev.gigawatt.calibration;

import dev.gigawatt.model.ServingPowerShares;

/**
 * The power models' free figures.
 *
 * @param serving the serving shares of dynamic power per unit of compute and memory activity
 * @param busyFractionOfNameplate a busy training node's draw as a share of its nameplate, 0..1
 */
public record PowerFigures(ServingPowerShares serving, double busyFractionOfNameplate) {}
